import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ReportSectionChoice', {
  description: 'Ett avsnitt ur katalogen som rapporten kan ha: id, standardrubrik och vad det innehåller.',
})
export class ReportSectionChoiceType {
  @Field() id: string;
  @Field({ description: 'Rubriken som förslaget (förlagorna) har i den här rapporten.' })
  defaultHeading: string;
  @Field({ description: 'TEXT, FIGURES eller FIGURES_AND_TEXT' }) kind: string;
  @Field({ description: 'Vad avsnittet innehåller, i ord.' }) kindLabel: string;
  @Field(() => Int, { description: '1: eget kapitel; 2: en del av kapitlet före.' }) level: number;
  @Field({ description: 'Numreras inom kapitlet (1.1–1.7) i årsredovisningen.' }) numbered: boolean;
}

@ObjectType('ReportStructureEntry')
export class ReportStructureEntryType {
  @Field() id: string;
  @Field({ description: 'Rubriken som rapporten visar.' }) heading: string;
  @Field(() => String, { nullable: true, description: 'Förbundets egen rubrik, om avsnittet har bytt namn.' })
  customHeading: string | null;
  @Field() defaultHeading: string;
  @Field() kind: string;
  @Field(() => Int) level: number;
}

@ObjectType('ReportStructure', {
  description: 'Förbundets val av avsnitt, ordning och rubriker för en rapporttyp; versionerad.',
})
export class ReportStructureType {
  @Field() kind: string;
  @Field(() => Int, { description: 'Version att ange när du sparar (0 = förlagornas standard).' })
  version: number;
  @Field(() => [ReportStructureEntryType]) entries: ReportStructureEntryType[];
  @Field(() => [ReportSectionChoiceType], { description: 'Alla avsnitt rapporten kan ha.' })
  catalogue: ReportSectionChoiceType[];
  @Field(() => String, { nullable: true }) savedAt: string | null;
  @Field(() => String, { nullable: true }) savedBy: string | null;
}

@InputType('ReportStructureEntryInput')
export class ReportStructureEntryInput {
  @Field({ description: 'Avsnittets id ur katalogen.' }) id: string;
  @Field(() => String, { nullable: true, description: 'Egen rubrik; utelämnad: standardrubriken.' })
  heading?: string | null;
}
