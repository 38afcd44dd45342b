/**
 * The data model of quyche: the single source of truth for every stage (ingest, Astro content
 * collections, downloads, JSON Schema). Small schemas, combined at the bottom; every field has a
 * one-line doc comment. Types are always `z.infer` of a schema — never written by hand.
 *
 * Text fields are NFC. Line numbers are 1-based and refer to the source file as received
 * (after decoding; a CRLF pair counts as one line break).
 */
import { z } from 'zod';

// ─── small building blocks ────────────────────────────────────────────────────────────────────

/** Element id: lowercase ASCII words joined by `-`, stable across runs (`dieu-5-khoan-2-diem-a`). */
export const ElementIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'element id must be lowercase ascii words joined by "-"');

/** Inclusive span of 1-based source line numbers an element was read from. */
export const LineSpanSchema = z
  .tuple([z.number().int().positive(), z.number().int().positive()])
  .refine(([a, b]) => a <= b, 'line span must be ordered');
export type LineSpan = z.infer<typeof LineSpanSchema>;

/** How sure the pipeline is of a value or token, from 0 (guess) to 1 (certain). */
export const ConfidenceSchema = z.number().min(0).max(1);

/** One syllable/token of OCR-restored text, with what the scan actually said. */
export const RestoredTokenSchema = z.object({
  /** The token as published (restored, NFC). */
  text: z.string(),
  /** The token as the OCR produced it ('' when the token was inserted). */
  ocr: z.string(),
  /** Confidence of the restoration of this token. */
  confidence: ConfidenceSchema,
  /** Set when a reviewed correction (corrections layer) changed this token. */
  corrected: z.boolean().optional(),
});
export type RestoredToken = z.infer<typeof RestoredTokenSchema>;

/** Provenance of an element whose text was restored from OCR output. */
export const RestorationSchema = z.object({
  /** The element's text exactly as the OCR produced it (after layout normalisation). */
  original: z.string(),
  /** Mean token confidence of the element. */
  confidence: ConfidenceSchema,
  /** Token-by-token alignment of published text to OCR tokens, in reading order. */
  tokens: z.array(RestoredTokenSchema),
});
export type Restoration = z.infer<typeof RestorationSchema>;

/** A value printed in the source, with where it was printed. */
export const PrintedSchema = z.object({
  /** Exactly as printed (after restoration, before any interpretation), e.g. `85 /QĐ-BCĐ`. */
  printed: z.string(),
  /** Normalised form (`85/QĐ-BCĐ`, ISO date `2019-05-03`), or null when it cannot be read. */
  value: z.string().nullable(),
  /** Where in the document it appears: `header`, `annex`, `signature`, `body` … */
  where: z.string(),
  /** Source line it was read from. */
  line: z.number().int().positive(),
});
export type Printed = z.infer<typeof PrintedSchema>;

/** A document property that may be printed several times, possibly inconsistently. */
export const VariantValueSchema = z.object({
  /** The value the pipeline settled on (normalised), or null if none is readable. */
  value: z.string().nullable(),
  /** Every printing of it, in source order. */
  variants: z.array(PrintedSchema),
  /** Why `value` was chosen when the variants disagree (Vietnamese or English prose). */
  resolution: z.string().optional(),
});
export type VariantValue = z.infer<typeof VariantValueSchema>;

/** A reference to another legal document found inside a sentence. */
export const LegalReferenceSchema = z.object({
  /** Kind of document in folded kebab-case: `luat`, `nghi-dinh`, `nghi-quyet`, `quyet-dinh`, `to-trinh` … */
  kind: z.string(),
  /** Document type as printed: `Luật`, `Quyết định` … */
  type: z.string(),
  /** Number and symbol as normalised, e.g. `1072/QĐ-TTg`; null for laws cited by name. */
  number: z.string().nullable(),
  /** ISO date of issue when printed. */
  date: z.string().nullable(),
  /** Issuing body or signer, as printed, when given. */
  issuer: z.string().nullable(),
  /** Name or subject of the cited document, when given (`Tổ chức chính quyền địa phương`). */
  title: z.string().nullable(),
  /** The exact span of text that was recognised. */
  text: z.string(),
  /** Id of the corpus document it resolves to, when it is in the corpus. */
  target: z.string().nullable(),
});
export type LegalReference = z.infer<typeof LegalReferenceSchema>;

// ─── the regulation tree ──────────────────────────────────────────────────────────────────────

/** Fields every text element shares. */
const TextElementFields = {
  /** Stable id, used in URLs and anchors. */
  id: ElementIdSchema,
  /** Text of the element itself (not its children), NFC, one paragraph, layout breaks joined. */
  text: z.string(),
  /** Source lines the element (including its children) was read from. */
  lines: LineSpanSchema,
  /** OCR provenance, present only on elements of restored documents. */
  restoration: RestorationSchema.optional(),
};

/** Điểm: a lettered point inside a clause (`a)`, `a.`, `đ)`). */
export const PointSchema = z.object({
  ...TextElementFields,
  /** The letter(s), e.g. `a`, `đ`. */
  label: z.string(),
  /** The marker exactly as printed, e.g. `a)`, `a.`, `-`. */
  marker: z.string(),
  /** Further paragraphs of the point, printed after its first paragraph and before the next point. */
  tail: z.array(z.string()).default([]),
});
export type Point = z.infer<typeof PointSchema>;

/** Khoản: a clause. Numbered (`1.`), printed as a bullet standing in for a lost number, or a plain paragraph. */
export const ClauseSchema = z.object({
  ...TextElementFields,
  /**
   * `numbered`: printed with its number; `bullet`: printed with `-`/`+`/`•` where a clause number
   * belongs (number inferred from position); `paragraph`: unnumbered paragraph of the article (đoạn).
   */
  kind: z.enum(['numbered', 'bullet', 'paragraph']),
  /** Clause number as printed or inferred (`2`); null for paragraphs. */
  number: z.string().nullable(),
  /** The marker exactly as printed (`2.`, `-`), null for paragraphs. */
  marker: z.string().nullable(),
  /** Points of the clause, in order. */
  points: z.array(PointSchema),
  /** Paragraphs printed after the points that still belong to the clause. */
  tail: z.array(z.string()).default([]),
});
export type Clause = z.infer<typeof ClauseSchema>;

/** Điều: an article. */
export const ArticleSchema = z.object({
  /** Stable id: `dieu-5` in the regulation, `qd-dieu-3` in the decision. */
  id: ElementIdSchema,
  /** Article number as printed, e.g. `5`, `10a`. */
  number: z.string(),
  /** Heading as printed after the number (may be empty: decision articles usually have none). */
  title: z.string(),
  /** Source lines of the whole article. */
  lines: LineSpanSchema,
  /** Clauses and paragraphs in order. */
  clauses: z.array(ClauseSchema),
  /** OCR provenance of the heading. */
  restoration: RestorationSchema.optional(),
});
export type Article = z.infer<typeof ArticleSchema>;

/** Mục: a section inside a chapter. */
export const SectionSchema = z.object({
  /** Stable id: `chuong-2-muc-1`. */
  id: ElementIdSchema,
  /** Number as printed (`1`, `I`). */
  number: z.string(),
  /** Title as printed. */
  title: z.string(),
  /** Source lines of the whole section. */
  lines: LineSpanSchema,
  /** Articles of the section. */
  articles: z.array(ArticleSchema),
});
export type Section = z.infer<typeof SectionSchema>;

/** Chương: a chapter. Articles sit directly in it or in its sections. */
export const ChapterSchema = z.object({
  /** Stable id: `chuong-2` (from the numeric value, whatever numeral was printed). */
  id: ElementIdSchema,
  /** Number as printed (`II`, `2`). */
  number: z.string(),
  /** Numeric value of the number. */
  value: z.number().int().positive(),
  /** Title as printed (usually upper case). */
  title: z.string(),
  /** Source lines of the whole chapter. */
  lines: LineSpanSchema,
  /** Articles directly in the chapter (before any section). */
  articles: z.array(ArticleSchema),
  /** Sections (Mục) of the chapter. */
  sections: z.array(SectionSchema).default([]),
  /** OCR provenance of the heading. */
  restoration: RestorationSchema.optional(),
});
export type Chapter = z.infer<typeof ChapterSchema>;

/** The attached regulation (Quy chế / Quy định) or the structured body of a decree. */
export const RegulationSchema = z.object({
  /** Kind as printed: `QUY CHẾ`, `QUY ĐỊNH`. */
  type: z.string(),
  /** Title line, e.g. `Hoạt động của Ban Chỉ đạo Chuyển đổi số tỉnh Kiên Giang`. */
  title: z.string(),
  /** The `(Ban hành kèm theo Quyết định số …)` line, as printed, if any. */
  issuedWith: z.string().nullable(),
  /** Source lines of the whole regulation. */
  lines: LineSpanSchema,
  /** Chapters in order. */
  chapters: z.array(ChapterSchema),
  /** Articles outside any chapter (texts without chapters). */
  articles: z.array(ArticleSchema).default([]),
});
export type Regulation = z.infer<typeof RegulationSchema>;

// ─── the decision (Quyết định) ────────────────────────────────────────────────────────────────

/** A legal basis of the decision (`Căn cứ …`, `Theo đề nghị …`, `Xét đề nghị …`). */
export const LegalBasisSchema = z.object({
  /** Stable id: `can-cu-1` … */
  id: ElementIdSchema,
  /** `can-cu` (legal basis) or `de-nghi` (proposal the decision answers). */
  kind: z.enum(['can-cu', 'de-nghi']),
  /** The full sentence as printed (markup removed, lines joined). */
  text: z.string(),
  /** Documents referenced in the sentence. */
  references: z.array(LegalReferenceSchema),
  /** Source lines. */
  lines: LineSpanSchema,
  /** OCR provenance. */
  restoration: RestorationSchema.optional(),
});
export type LegalBasis = z.infer<typeof LegalBasisSchema>;

/** Digital signature stamp printed on e-signed documents. */
export const DigitalSignatureSchema = z.object({
  /** `Người ký` line. */
  signer: z.string().nullable(),
  /** `Email` line. */
  email: z.string().nullable(),
  /** `Cơ quan` line. */
  agency: z.string().nullable(),
  /** ISO 8601 time from `Thời gian ký`, with offset. */
  time: z.string().nullable(),
  /** Source lines. */
  lines: LineSpanSchema,
});

/** The signature block. */
export const SignatureSchema = z.object({
  /** Signing mode prefix: `KT.` (ký thay), `TM.` (thay mặt), `Q.`, `TL.`, `TUQ.`; null when signed in own name. */
  mode: z.string().nullable(),
  /** Capacity in whose name it is signed (`TRƯỞNG BAN`); nested modes follow in order after ` / ` (`ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH`). */
  capacity: z.string().nullable(),
  /** Title of the signer, e.g. `PHÓ TRƯỞNG BAN THƯỜNG TRỰC`, `CHỦ TỊCH UBND TỈNH`. */
  title: z.string().nullable(),
  /** Name of the signer. */
  name: z.string().nullable(),
  /** Digital signature details, when printed. */
  digital: DigitalSignatureSchema.nullable(),
  /** Source lines. */
  lines: LineSpanSchema,
});
export type Signature = z.infer<typeof SignatureSchema>;

/** A recipient line of `Nơi nhận`. */
export const RecipientSchema = z.object({
  /** Recipient as printed, without the leading `-`. */
  text: z.string(),
  /** Source line. */
  line: z.number().int().positive(),
});

/** The issuing decision (Quyết định) with its own articles. */
export const DecisionSchema = z.object({
  /** Document type as printed: `QUYẾT ĐỊNH`, `NGHỊ ĐỊNH` … */
  type: z.string(),
  /** Number and symbol (`85/QĐ-BCĐ`) with every printing. */
  number: VariantValueSchema,
  /** Date of issue (ISO) with every printing. */
  date: VariantValueSchema,
  /** Place of issue as printed (`Kiên Giang`). */
  place: z.string().nullable(),
  /** Letterhead: issuing authority lines, top-down (`UBND TỈNH KIÊN GIANG`, `BAN CHỈ ĐẠO …`). */
  authority: z.array(z.string()),
  /** Note printed under the title, e.g. a consolidated text's `Thông tư số … được sửa đổi, bổ sung bởi: …` (paragraphs joined by newlines). */
  note: z.string().nullable().default(null),
  /** Who decides: the line above the legal bases (`TRƯỞNG BAN CHỈ ĐẠO …`). */
  issuer: z.string().nullable(),
  /** Title (`Ban hành Quy chế hoạt động của …`). */
  title: z.string(),
  /** Legal bases and proposals, in order. */
  bases: z.array(LegalBasisSchema),
  /** The decision's own articles (ids `qd-dieu-N`). */
  articles: z.array(ArticleSchema),
  /** Recipients (`Nơi nhận`). */
  recipients: z.array(RecipientSchema),
  /** Signature block, when found. */
  signature: SignatureSchema.nullable(),
  /** Decisions this one replaces, as referenced in its text. */
  replaces: z.array(LegalReferenceSchema),
  /** Sentence that fixes the entry into force, as printed (`Quyết định này có hiệu lực kể từ ngày ký`). */
  effect: z.string().nullable(),
  /** Source lines of the decision part. */
  lines: LineSpanSchema,
});
export type Decision = z.infer<typeof DecisionSchema>;

// ─── document-level metadata ──────────────────────────────────────────────────────────────────

/** Administrative level of a jurisdiction. */
export const JurisdictionLevelSchema = z.enum(['quoc-gia', 'tinh', 'thanh-pho', 'huyen', 'thi-xa', 'xa']);

/** A jurisdiction (province, city …). */
export const JurisdictionSchema = z.object({
  /** Kebab-case id, e.g. `kien-giang`, `phu-quoc`. */
  id: ElementIdSchema,
  /** Name with diacritics, e.g. `Kiên Giang`. */
  name: z.string(),
  /** Administrative level. */
  level: JurisdictionLevelSchema,
  /** Id of the parent jurisdiction (Phú Quốc → kien-giang), null for provinces. */
  parent: ElementIdSchema.nullable(),
});
export type Jurisdiction = z.infer<typeof JurisdictionSchema>;

/** The steering committee whose rules the document sets. */
export const CommitteeSchema = z.object({
  /** Full name, e.g. `Ban Chỉ đạo Chuyển đổi số tỉnh Kiên Giang`. */
  name: z.string(),
  /** Programme the committee steers. */
  programme: z.enum(['chuyen-doi-so', 'chinh-quyen-dien-tu', 'khac']),
});

/** A relation between this document and another (in the corpus or not). */
export const RelationSchema = z.object({
  /** Relation type. */
  type: z.enum(['replaces', 'replaced-by', 'based-on', 'part-of', 'version-of']),
  /** Corpus document id or jurisdiction id it points to, null when outside the corpus. */
  target: z.string().nullable(),
  /** Human-readable label (`Quyết định số 85/QĐ-BCĐ ngày 03/5/2019`). */
  label: z.string(),
});
export type Relation = z.infer<typeof RelationSchema>;

/** Why a source line was not kept in the structure. */
export const DiscardReasonSchema = z.enum([
  'letterhead',
  'motto',
  'page-number',
  'stamp',
  'signature',
  'markup',
  'separator',
  'appendix',
  'duplicate',
  'noise',
  /** A footnote of a consolidated text (`[1] Điều này được bổ sung …`); its marker `[n]` is recorded in a diagnostic. */
  'footnote',
]);

/** A non-blank source line that is not part of the structure or metadata. */
export const DiscardedLineSchema = z.object({
  /** 1-based source line. */
  line: z.number().int().positive(),
  /** The line as received. */
  text: z.string(),
  /** Why it was discarded. */
  reason: DiscardReasonSchema,
});
export type DiscardedLine = z.infer<typeof DiscardedLineSchema>;

/** A problem found while reading a source. */
export const DiagnosticSchema = z.object({
  /** `error` stops ingest; `warning` and `info` are published. */
  severity: z.enum(['error', 'warning', 'info']),
  /** Stable machine code, kebab-case (`number-conflict`, `article-out-of-order`). */
  code: z.string(),
  /** Human explanation. */
  message: z.string(),
  /** Source line, when the problem has one. */
  line: z.number().int().positive().optional(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

/** A low-confidence restored token, listed for reviewers. */
export const LowConfidenceTokenSchema = z.object({
  /** Element that contains the token. */
  element: z.string(),
  /** Restored token. */
  text: z.string(),
  /** OCR token. */
  ocr: z.string(),
  /** Its confidence. */
  confidence: ConfidenceSchema,
});

/** Summary of OCR detection and restoration. */
export const OcrReportSchema = z.object({
  /** Whether the detector judged the input to be damaged OCR output. */
  detected: z.boolean(),
  /** Whether restoration ran (detection or `--ocr`). */
  restored: z.boolean(),
  /** Share of syllable tokens that are not valid Vietnamese syllables, before restoration. */
  invalidShare: z.number().min(0).max(1),
  /** Mean token confidence after restoration (1 when not restored). */
  meanConfidence: ConfidenceSchema,
  /** Tokens below the low-confidence threshold. */
  lowConfidence: z.array(LowConfidenceTokenSchema),
  /** Human corrections applied from the corrections layer (their ids). */
  corrections: z.array(z.string()),
  /** How the text was restored, for the reader (Vietnamese). */
  method: z.string(),
});
export type OcrReport = z.infer<typeof OcrReportSchema>;

/** Where the document came from and what happened to it on the way in. */
export const ProvenanceSchema = z.object({
  /** Project-relative path of the source file. */
  source: z.string(),
  /** Original file name as received (seed name). */
  original: z.string().nullable(),
  /** SHA-256 of the source bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Encoding the bytes were decoded from. */
  encoding: z.string(),
  /** Layout family detected: `plain`, `markdown`, `pdf`. */
  layout: z.enum(['plain', 'markdown', 'pdf']),
  /** Number of lines in the source. */
  lineCount: z.number().int().nonnegative(),
  /** OCR detection and restoration summary. */
  ocr: OcrReportSchema,
  /** Every non-blank source line that is neither structure nor metadata. */
  discarded: z.array(DiscardedLineSchema),
  /** Problems found, with source lines. */
  diagnostics: z.array(DiagnosticSchema),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** An annotation layer entry: a role or topic attached to an element (eRegulations-style layer). */
export const AnnotationSchema = z.object({
  /** Element id the annotation is attached to (article, clause or point). */
  element: z.string(),
  /** Role or topic id from the curated taxonomy. */
  key: z.string(),
  /** For roles: `subject` (the article is about the role), `actor` (the role acts), `mentioned`. */
  relation: z.enum(['subject', 'actor', 'mentioned', 'topic']),
  /** How the annotation was made (`rule:<name>` or `override`). */
  source: z.string(),
});
export type Annotation = z.infer<typeof AnnotationSchema>;

// ─── the document ─────────────────────────────────────────────────────────────────────────────

/** One ingested source: decision + attached regulation + metadata + provenance. */
export const DocumentSchema = z.object({
  /** Document id, `<jurisdiction>-<year>`, e.g. `kien-giang-2022`. */
  id: ElementIdSchema,
  /** Id of the work (a committee's rules across versions), e.g. `kien-giang`. */
  work: ElementIdSchema,
  /** Year of the version. */
  year: z.number().int(),
  /** Short title for lists (`Quy chế hoạt động BCĐ Chuyển đổi số tỉnh Kiên Giang 2022`). */
  title: z.string(),
  /** The jurisdiction. */
  jurisdiction: JurisdictionSchema,
  /** The committee. */
  committee: CommitteeSchema,
  /** The issuing decision. */
  decision: DecisionSchema,
  /** The attached regulation, or null for texts with none. */
  regulation: RegulationSchema.nullable(),
  /** Relations to other documents and jurisdictions. */
  relations: z.array(RelationSchema),
  /** Role and topic annotations keyed by element id. */
  annotations: z.array(AnnotationSchema).default([]),
  /** Provenance. */
  provenance: ProvenanceSchema,
});
export type Document = z.infer<typeof DocumentSchema>;

// ─── the source manifest ──────────────────────────────────────────────────────────────────────

/** One entry of `content/sources/manifest.yaml`. */
export const ManifestEntrySchema = z.object({
  /** Document id, `<jurisdiction>-<year>`. */
  id: ElementIdSchema,
  /** File name inside `content/sources/`. */
  file: z.string(),
  /** Original file name as received. */
  original: z.string().nullable(),
  /** SHA-256 of the file; ingest refuses a file that does not match. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Work id (versions of one committee's rules share it). */
  work: ElementIdSchema,
  /** Year of the version. */
  year: z.number().int(),
  /** Jurisdiction. */
  jurisdiction: JurisdictionSchema,
  /** Committee. */
  committee: CommitteeSchema,
  /** Whether the source is known to be OCR output (detection runs anyway). */
  ocr: z.boolean(),
  /** Free note on the source (Vietnamese or English). */
  note: z.string().optional(),
});
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

/** The whole manifest. */
export const ManifestSchema = z.object({
  /** Sources, in publishing order. */
  sources: z.array(ManifestEntrySchema).min(1),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** JSON Schema (draft 2020-12) of a Document, generated from the Zod schema. */
export function documentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(DocumentSchema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
}

/**
 * Validate unknown data as a Document and turn Zod issues into one readable message naming the
 * file, element path and field (`kien-giang-2022.json: regulation.chapters[1].articles[0].id: …`).
 */
export function parseDocument(data: unknown, file: string): Document {
  const result = DocumentSchema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.slice(0, 10).map((issue) => {
    const path = issue.path
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`))
      .join('');
    return `${file}: ${path || '(root)'}: ${issue.message}`;
  });
  throw new Error(`Invalid document\n${lines.join('\n')}`);
}
