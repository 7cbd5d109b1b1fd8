import { lazy, Suspense } from 'react';

/**
 * The IP panels other programs' pages show, loaded with the first page that shows one: imported statically,
 * they and the IP texts they use would be part of every first page (the IP manifest is).
 */
const ProjectDisclosuresPanel = lazy(() =>
  import('./inventions/ProjectDisclosures.tsx').then((m) => ({ default: m.ProjectDisclosures })),
);
const IncidentRiskCasesPanel = lazy(() =>
  import('./risk/IncidentRiskCases.tsx').then((m) => ({ default: m.IncidentRiskCases })),
);

/** The invention disclosures of a research project, for the industry–academia program's project page. */
export function ProjectDisclosures(props: { projectId: string }) {
  return (
    <Suspense fallback={null}>
      <ProjectDisclosuresPanel {...props} />
    </Suspense>
  );
}

/** The IP risk cases that name a security incident, for the information security program's incident page. */
export function IncidentRiskCases(props: { incidentId: string }) {
  return (
    <Suspense fallback={null}>
      <IncidentRiskCasesPanel {...props} />
    </Suspense>
  );
}
