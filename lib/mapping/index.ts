// The payload mapping: field catalogue, transform language and payload building. Pure and isomorphic.

export { buildPayload } from "./build";
export { type CompletionRecord, FIELDS, type FieldInfo, type FieldName, type FieldType } from "./fields";
export { type ChainError, type ParseResult, parseTransforms, type StatusMapItem, type Step } from "./parse";
export { type BuildResult, type CompileResult, compileMapping } from "./payload";
export {
  type ConstValue,
  MAX_CHAIN_LENGTH,
  MAX_ENTRIES,
  MAX_KEY_LENGTH,
  type Mapping,
  type MappingEntry,
  mappingEntrySchema,
  mappingSchema,
} from "./schemas";
export { STANDARD_MAPPING } from "./standard-mapping";
export { type TraceEntry, type TraceResult, type TraceStep, type TraceValue, tracePayload } from "./trace";
export { TRANSFORMS, type TransformInfo, type TransformName } from "./transforms";
export { type MappingIssue, type ValidationResult, validateMapping, validMappingSchema } from "./validate";
export type { JsonObject, JsonValue, ValueType } from "./values";
