import { graphql } from '../../app/graphql';
import { VerdictFields } from '../appraisal/appraisal.operations';

/** A page of cadres, by name, with each one's current post. */
export const CadresQuery = graphql(`
  query Cadres($first: Int, $after: String, $last: Int, $before: String, $filter: CadreFilter) {
    cadres(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      edges {
        node {
          id
          name
          region {
            id
            code
            name
            nameEn
          }
          terms {
            id
            current
            post {
              id
              title
              titleZh
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
        hasPreviousPage
        startCursor
      }
    }
  }
`);

/** One cadre with their grants (body, procedure, participation), and every term they held or hold with its grant and verdict. */
export const CadreQuery = graphql(
  `
    query Cadre($id: ID!) {
      cadre(id: $id) {
        id
        name
        region {
          id
          path
          code
          name
          nameEn
        }
        grants {
          id
          method
          bodyName
          bodyKind
          status
          createdAt
          post {
            id
            title
            titleZh
          }
          steps {
            id
            step
            date
          }
          participation {
            entitled
            participants
            interviews
            objections
            upheld
            notUpheld
            unanswered
          }
        }
        terms {
          id
          startsOn
          endsOn
          endedOn
          endReason
          current
          post {
            id
            title
            titleZh
            level
            region {
              id
              path
              code
              name
              nameEn
            }
          }
          grant {
            id
            bodyName
            bodyKind
            method
          }
          verdict {
            term {
              id
            }
            ...VerdictFields
          }
        }
      }
    }
  `,
  [VerdictFields],
);

/** A page of posts, by title, with who holds each today. */
export const PostsQuery = graphql(`
  query Posts($first: Int, $after: String, $last: Int, $before: String, $filter: PostFilter) {
    posts(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      edges {
        node {
          id
          title
          titleZh
          level
          region {
            id
            path
            code
            name
            nameEn
          }
          organization {
            id
            name
          }
          holder {
            id
            startsOn
            endsOn
            cadre {
              id
              name
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
        hasPreviousPage
        startCursor
      }
    }
  }
`);

/** What the post form offers: the chosen region's level and path, and the organizations of the jurisdiction. */
export const PostFormOptionsQuery = graphql(`
  query PostFormOptions($regionId: ID!, $withinId: ID!) {
    region(id: $regionId) {
      id
      level
      path
    }
    organizations(first: 100, filter: { regionId: $withinId, active: true }) {
      edges {
        node {
          id
          name
          region {
            id
            path
          }
        }
      }
    }
  }
`);

export const CreateCadreMutation = graphql(`
  mutation CreateCadre($input: CreateCadreInput!) {
    createCadre(input: $input) {
      id
      name
    }
  }
`);

export const CreatePostMutation = graphql(`
  mutation CreatePost($input: CreatePostInput!) {
    createPost(input: $input) {
      id
      title
      titleZh
    }
  }
`);

export const CreateTermMutation = graphql(`
  mutation CreateTerm($input: CreateTermInput!) {
    createTerm(input: $input) {
      id
      startsOn
      endsOn
      current
    }
  }
`);

export const EndTermMutation = graphql(`
  mutation EndTerm($id: ID!, $endedOn: String!, $reason: TermEndReason!) {
    endTerm(id: $id, endedOn: $endedOn, reason: $reason) {
      id
      endedOn
      endReason
      current
    }
  }
`);
