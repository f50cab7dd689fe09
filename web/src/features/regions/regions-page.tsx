import { useRegionsI18n } from './regions-i18n';
import { RegionLevelList } from './region-tree';

/** The region tree, public: province > city > county > township, loaded one level at a time. */
export function RegionsPage() {
  const { t } = useRegionsI18n();
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('regions.title')}</h1>
        <p className="page-intro">{t('regions.intro')}</p>
      </header>
      <div className="region-tree">
        <div className="region-row region-row-head" aria-hidden="true">
          <span>{t('regions.name')}</span>
          <span>{t('regions.code')}</span>
          <span>{t('regions.level')}</span>
          <span className="numeric">{t('regions.population')}</span>
          <span className="numeric">{t('regions.households')}</span>
          <span>{t('regions.period')}</span>
          <span />
        </div>
        <RegionLevelList parentId={null} depth={0} />
      </div>
    </section>
  );
}
