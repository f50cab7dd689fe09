import { graphql } from '../../app/graphql';

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      id
      region {
        id
      }
    }
  }
`);

export const RegisterCitizenMutation = graphql(`
  mutation RegisterCitizen($input: RegisterCitizenInput!) {
    registerCitizen(input: $input) {
      id
    }
  }
`);
