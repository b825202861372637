/**
 * Reads the Workers AI models of @cloudflare/workers-types with the TypeScript compiler API: every property of the
 * `AiModels` interface is a model id; its type's `inputs` and `postProcessedOutputs` members are the model's input and
 * output types. From those we take the input parameters and output fields a model page lists, a JSON Schema of the
 * input for /ai/run validation, and the task (from the base class name, or from the shape of the types).
 */
import ts from "typescript";
import type { Field, Task } from "../../catalog/schema.ts";

export type JsonSchema = Record<string, unknown>;

export type WorkersAiModel = {
  id: string;
  /** The declared type of the model in AiModels, e.g. `BaseAiTextGeneration`. */
  typeName: string;
  task: Task | undefined;
  /** How the task was found: the base class name, or the shape of the input and output types. */
  taskFrom: "base class" | "types";
  inputs: Field[];
  outputs: Field[];
  /** Key of the input schema: the input type's name, so models sharing one input type share one schema. */
  inputTypeName: string;
  inputSchema: JsonSchema;
  /** Whether the input takes `stream` / `tools` (facts of the types, not of any page). */
  streams: boolean;
  takesTools: boolean;
};

/** Tasks of the shared base classes. */
const TASK_OF_BASE: Record<string, Task> = {
  BaseAiTextGeneration: "Text Generation",
  BaseAiTextEmbeddings: "Text Embeddings",
  BaseAiTextClassification: "Text Classification",
  BaseAiTextToImage: "Text-to-Image",
  BaseAiTextToSpeech: "Text-to-Speech",
  BaseAiImageClassification: "Image Classification",
  BaseAiImageToText: "Image-to-Text",
  BaseAiSummarization: "Summarization",
  BaseAiTranslation: "Translation",
  BaseAiSpeechRecognition: "Automatic Speech Recognition",
  BaseAiObjectDetection: "Object Detection",
};

const MAX_TYPE_TEXT = 160;

export function readWorkersTypes(dtsPath: string): WorkersAiModel[] {
  const program = ts.createProgram([dtsPath], { noEmit: true, types: [], lib: ["lib.es2023.d.ts"], skipLibCheck: true });
  const checker = program.getTypeChecker();
  const sf = program.getSourceFile(dtsPath);
  if (!sf) throw new Error(`${dtsPath}: cannot read the file`);
  let aiModels: ts.InterfaceDeclaration | undefined;
  ts.forEachChild(sf, (n) => {
    if (ts.isInterfaceDeclaration(n) && n.name.text === "AiModels") aiModels = n;
  });
  if (!aiModels) throw new Error(`${dtsPath}: no \`interface AiModels\` found; has @cloudflare/workers-types changed its layout?`);

  const out: WorkersAiModel[] = [];
  for (const member of aiModels.members) {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isStringLiteral(member.name)) continue;
    const id = member.name.text;
    const type = checker.getTypeFromTypeNode(member.type);
    const typeName = member.type.getText(sf);
    const inputsSym = type.getProperty("inputs");
    const outputsSym = type.getProperty("postProcessedOutputs");
    if (!inputsSym || !outputsSym) throw new Error(`${dtsPath}: AiModels["${id}"] (${typeName}) has no inputs/postProcessedOutputs`);
    const inputType = checker.getTypeOfSymbol(inputsSym);
    const outputType = checker.getTypeOfSymbol(outputsSym);
    const inputs = fieldsOf(checker, inputType);
    const outputs = fieldsOf(checker, outputType);
    const baseTask = TASK_OF_BASE[typeName];
    const inputNames = new Set(inputs.map((f) => f.name));
    out.push({
      id,
      typeName,
      task: baseTask ?? taskFromShape(inputNames, new Set(outputs.map((f) => f.name)), checker.typeToString(outputType)),
      taskFrom: baseTask ? "base class" : "types",
      inputs,
      outputs,
      inputTypeName: typeNameOf(checker, inputType, `${typeName}.inputs`),
      inputSchema: schemaOf(checker, inputType, 0),
      streams: inputNames.has("stream"),
      takesTools: inputNames.has("tools") || inputNames.has("functions"),
    });
  }
  return out;
}

function typeNameOf(checker: ts.TypeChecker, type: ts.Type, fallback: string): string {
  const alias = type.aliasSymbol?.name ?? type.getSymbol()?.name;
  return alias && alias !== "__type" && alias !== "__object" ? alias : fallback;
}

/** The task from the names of the input and output fields, for models declared with their own class. */
function taskFromShape(inputs: Set<string>, outputs: Set<string>, outputText: string): Task | undefined {
  if (outputs.has("data") && outputs.has("shape")) return "Text Embeddings";
  if (inputs.has("contexts") && !inputs.has("messages") && !inputs.has("prompt")) return "Text Classification";
  if (inputs.has("speaker") && inputs.has("text")) return "Text-to-Speech";
  if (outputs.has("translated_text") || outputs.has("translations")) return "Translation";
  if (outputs.has("image") || inputs.has("multipart") || (inputs.has("guidance") && inputs.has("prompt"))) return "Text-to-Image";
  if (outputs.has("is_complete")) return "Voice Activity Detection";
  if (inputs.has("audio") || inputs.has("encoding")) return "Automatic Speech Recognition";
  if (inputs.has("image") && (outputs.has("description") || outputs.has("answer") || outputs.has("caption"))) return "Image-to-Text";
  if (outputs.has("response") || outputs.has("choices") || outputs.has("output_text") || /ChatCompletions|Responses/.test(outputText)) return "Text Generation";
  if (inputs.has("messages") || inputs.has("prompt")) return "Text Generation";
  return undefined;
}

/** The object members of a type (the members of every object in a union); strings, arrays and streams have none. */
function objectParts(checker: ts.TypeChecker, type: ts.Type): ts.Type[] {
  const parts = type.isUnion() ? type.types : [type];
  return parts.filter((t) => isPlainObject(checker, t));
}

function isPlainObject(checker: ts.TypeChecker, t: ts.Type): boolean {
  if (!(t.flags & ts.TypeFlags.Object)) return false;
  if (checker.isArrayType(t) || checker.isTupleType(t)) return false;
  if (t.getCallSignatures().length) return false;
  const name = t.getSymbol()?.name ?? "";
  return !/^(ReadableStream|Uint8Array|ArrayBuffer|Blob|String|Number|Boolean|Date)$/.test(name);
}

/**
 * The top-level fields of a type. When the type is a union of object types (several input forms), a field is
 * required only if every form requires it, and a field that only some forms have says so.
 */
function fieldsOf(checker: ts.TypeChecker, type: ts.Type): Field[] {
  const parts = objectParts(checker, type);
  if (!parts.length) {
    const text = typeText(checker, type);
    return [{ name: "(whole body)", type: text, required: true }];
  }
  const byName = new Map<string, { field: Field; forms: number; requiredIn: number }>();
  for (const part of parts) {
    for (const prop of part.getProperties()) {
      const decl = prop.valueDeclaration ?? prop.declarations?.[0];
      const propType = decl ? checker.getTypeOfSymbolAtLocation(prop, decl) : checker.getTypeOfSymbol(prop);
      const optional = (prop.flags & ts.SymbolFlags.Optional) !== 0;
      const known = byName.get(prop.name);
      if (known) {
        known.forms++;
        if (!optional) known.requiredIn++;
        continue;
      }
      const field: Field = { name: prop.name, type: typeText(checker, propType, true), required: false };
      const def = ts.getJSDocTags(decl ?? ({} as ts.Node)).find((t) => t.tagName.text === "default");
      const defText = def && typeof def.comment === "string" ? def.comment.trim() : undefined;
      if (defText !== undefined) field.default = parseDefault(defText);
      byName.set(prop.name, { field, forms: 1, requiredIn: optional ? 0 : 1 });
    }
  }
  return [...byName.values()].map(({ field, forms, requiredIn }) => {
    const f = { ...field, required: requiredIn === parts.length };
    if (parts.length > 1 && forms < parts.length) f.note = `only in ${forms} of the ${parts.length} input forms`;
    return f;
  });
}

function parseDefault(text: string): string | number | boolean | null {
  if (text === "true" || text === "false") return text === "true";
  if (text === "null") return null;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text.replace(/^["'](.*)["']$/, "$1");
}

function typeText(checker: ts.TypeChecker, type: ts.Type, dropUndefined = false): string {
  let t = type;
  if (dropUndefined && type.isUnion()) {
    const rest = type.types.filter((u) => !(u.flags & ts.TypeFlags.Undefined));
    if (rest.length === 1) t = rest[0];
  }
  let text = checker.typeToString(t, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType);
  if (dropUndefined) text = text.replace(/ \| undefined$/, "");
  return text.length > MAX_TYPE_TEXT ? `${text.slice(0, MAX_TYPE_TEXT - 1)}…` : text;
}

/**
 * A JSON Schema (draft 2020-12) of a TypeScript type, deep enough to check field names' types on /ai/run: objects
 * keep their properties and required lists; binary and stream types accept anything; beyond a few levels anything goes.
 */
function schemaOf(checker: ts.TypeChecker, type: ts.Type, depth: number): JsonSchema {
  if (depth > 5) return {};
  const f = type.flags;
  if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
  if (f & ts.TypeFlags.StringLiteral) return { const: (type as ts.StringLiteralType).value };
  if (f & ts.TypeFlags.NumberLiteral) return { const: (type as ts.NumberLiteralType).value };
  if (f & ts.TypeFlags.BooleanLiteral) return { const: checker.typeToString(type) === "true" };
  if (f & ts.TypeFlags.String) return { type: "string" };
  if (f & ts.TypeFlags.Number) return { type: "number" };
  if (f & ts.TypeFlags.Boolean) return { type: "boolean" };
  if (f & ts.TypeFlags.Null) return { type: "null" };
  if (type.isUnion()) {
    const parts = type.types.filter((u) => !(u.flags & ts.TypeFlags.Undefined));
    if (parts.every((u) => u.flags & ts.TypeFlags.BooleanLiteral)) return { type: "boolean" };
    if (parts.every((u) => u.flags & ts.TypeFlags.StringLiteral)) return { type: "string", enum: parts.map((u) => (u as ts.StringLiteralType).value) };
    const anyOf = parts.map((u) => schemaOf(checker, u, depth + 1));
    if (anyOf.some((s) => Object.keys(s).length === 0)) return {};
    return anyOf.length === 1 ? anyOf[0] : { anyOf };
  }
  if (checker.isArrayType(type)) {
    const [elem] = checker.getTypeArguments(type as ts.TypeReference);
    return { type: "array", items: elem ? schemaOf(checker, elem, depth + 1) : {} };
  }
  if (checker.isTupleType(type)) return { type: "array" };
  if (type.isIntersection()) return {};
  if (!isPlainObject(checker, type)) return {};
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const prop of type.getProperties()) {
    const decl = prop.valueDeclaration ?? prop.declarations?.[0];
    const propType = decl ? checker.getTypeOfSymbolAtLocation(prop, decl) : checker.getTypeOfSymbol(prop);
    if (propType.getCallSignatures().length) continue;
    properties[prop.name] = schemaOf(checker, propType, depth + 1);
    if (!(prop.flags & ts.SymbolFlags.Optional)) required.push(prop.name);
  }
  if (!Object.keys(properties).length) return { type: "object" };
  return required.length ? { type: "object", properties, required } : { type: "object", properties };
}
