import {
  catalogueSection,
  defaultReportStructure,
  defaultSectionHeading,
  REPORT_TEXT_MISSING,
  StructureEntry,
} from '@app/domain';
import { BuildContext } from './build-context';
import { ReportSection } from './report-model';
import { defaultPartText } from './sections/forvaltning-parts';

/**
 * Orders the built sections as the förbund's report structure says (the seeds' default without one): which
 * sections appear, in which order, under which headings. Chapters (level 1) are numbered by their order, the
 * numbered parts of a chapter "1.1", "1.2" …; a part's förbundschef text follows its figures, a text-only
 * part without text is left out unless the law asks for it (then it says the text is missing). A built section
 * the catalogue does not know stays after the section built before it, so nothing computed is lost silently.
 */
export function arrangeSections(ctx: BuildContext): ReportSection[] {
  const { input, kind, sections, parts } = ctx;
  const entries: StructureEntry[] = input.structure?.entries ?? defaultReportStructure(kind);
  const built = new Map<string, ReportSection>([...parts, ...sections.map((s) => [s.id, s] as const)]);
  const out: ReportSection[] = [];
  let chapter = 0;
  let numbered = 0;
  for (const entry of entries) {
    const c = catalogueSection(entry.id);
    if (!c || (c.only && c.only !== kind)) continue;
    const own = input.texts[entry.id]?.trim() || undefined;
    const block = built.get(entry.id);
    let section: ReportSection | null;
    if (c.kind === 'TEXT') {
      const text =
        own ??
        defaultPartText(ctx, entry.id) ??
        (c.requiredIn?.includes(kind) ? REPORT_TEXT_MISSING : undefined);
      section = text || block ? { ...(block ?? { id: entry.id, title: '', tables: [] }), text } : null;
    } else if (block) {
      const text = [block.text, c.kind === 'FIGURES_AND_TEXT' ? own : undefined].filter(Boolean).join('\n\n');
      section = { ...block, text: text || undefined };
    } else
      section =
        own && c.kind === 'FIGURES_AND_TEXT' ? { id: entry.id, title: '', text: own, tables: [] } : null;
    if (!section) continue;
    section.title = entry.heading?.trim() || section.title || defaultSectionHeading(entry.id, kind);
    if (!section.text) delete section.text;
    if (c.level === 1 || chapter === 0) {
      chapter++;
      numbered = 0;
      delete section.level;
      delete section.number;
    } else {
      section.level = 2;
      // The årsredovisning numbers the förvaltningsberättelse's parts (1.1–1.7); the delårsrapport's seed does not.
      if (c.numbered && kind === 'ARSREDOVISNING') section.number = `${chapter}.${++numbered}`;
    }
    out.push(section);
  }
  // Sections built by code the catalogue does not (yet) know: kept, after the section built before them.
  sections.forEach((s, i) => {
    if (catalogueSection(s.id)) return;
    const before = sections
      .slice(0, i)
      .reverse()
      .map((p) => out.findIndex((o) => o.id === p.id))
      .find((k) => k >= 0);
    out.splice(before === undefined ? out.length : before + 1, 0, s);
  });
  return out;
}
