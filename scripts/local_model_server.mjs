#!/usr/bin/env node
// A thin OpenAI-compatible chat server over node-llama-cpp, for the opt-in local model
// (scripts/local-model.sh installs both into .local-model/ and starts this file).
//
//   GET  /v1/models             the one model served
//   POST /v1/chat/completions   messages, stream (SSE, with stream_options.include_usage),
//                               max_tokens / max_completion_tokens, temperature, and
//                               response_format json_schema / json_object, enforced by
//                               node-llama-cpp's grammar (the reply cannot leave the schema)
//
// It binds 127.0.0.1 only, answers one request at a time (one context sequence: requests
// queue), and never downloads anything: the runtime is the prebuilt binary inside the npm
// package (`build: "never"`) and the model is a local GGUF file.
//
// node scripts/local_model_server.mjs --runtime .local-model --model FILE.gguf [--port 8089]
//        [--threads 1] [--context 8192] [--log FILE.jsonl] [--name NAME] [--max-string 100]
//        [--pretty]

import { createServer } from "node:http";
import { appendFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const HOST = "127.0.0.1";
const MAX_BODY = 2_000_000; // bytes of request JSON
const DEFAULT_MAX_TOKENS = 512;

const { values: opts } = parseArgs({
  options: {
    runtime: { type: "string", default: ".local-model" },
    model: { type: "string" },
    port: { type: "string", default: "8089" },
    threads: { type: "string", default: "1" },
    context: { type: "string", default: "8192" },
    log: { type: "string" },
    name: { type: "string" },
    "max-string": { type: "string", default: "100" },
    pretty: { type: "boolean", default: false }, // the indented grammar (more tokens)
  },
});
// Characters of a nested free string (see boundStrings); 0: no bound.
const MAX_STRING = Number(opts["max-string"]);
if (!opts.model) {
  console.error("local_model_server: --model FILE.gguf is required");
  process.exit(2);
}
const modelName = opts.name ?? basename(opts.model).replace(/\.gguf$/i, "");

// node-llama-cpp lives in the runtime folder, not beside this file.
const require = createRequire(join(resolve(opts.runtime), "package.json"));
const entry = require.resolve("node-llama-cpp");
const { getLlama, LlamaChatSession, LlamaText, TokenBias } = await import(pathToFileURL(entry).href);
// The JSON-schema grammar without line breaks: pretty-printed JSON costs a small model two to
// three times the tokens. Its builder is internal to node-llama-cpp (pinned by
// scripts/local-model.sh); without it, the public builder's indented grammar is used.
const compactBuilder = opts.pretty ? null : await import(
  pathToFileURL(join(dirname(entry), "utils/gbnfJson/getGbnfGrammarForGbnfJsonSchema.js")).href
).then((m) => m.getGbnfGrammarForGbnfJsonSchema, () => null);

const llama = await getLlama({ gpu: false, build: "never", progressLogs: false, logLevel: "error" });
const model = await llama.loadModel({ modelPath: resolve(opts.model) });
const context = await model.createContext({
  contextSize: Math.min(Number(opts.context), model.trainContextSize),
  threads: Number(opts.threads),
});
const sequence = context.getSequence();
// The compact grammar allows no line break; a model that would write one (pretty-printing)
// makes every step fall back from the sampled token to filtering the whole vocabulary through
// the grammar, which is slow. Biasing the line-break tokens away keeps the sampled token valid.
const noLineBreaks = new TokenBias(model.tokenizer);
for (let token = 0; token < model.fileInfo.metadata.tokenizer.ggml.tokens.length; token++) {
  if (model.detokenize([token]).includes("\n")) noLineBreaks.set(token, "never");
}
const grammars = new Map(); // schema JSON -> grammar (building one costs time)

async function grammarFor(format) {
  if (!format || format.type === "text") return { grammar: undefined, mode: "none" };
  if (format.type === "json_object") return { grammar: await llama.getGrammarFor("json"), mode: "json_object" };
  if (format.type === "json_schema") {
    const schema = format.json_schema?.schema;
    if (!schema || typeof schema !== "object") throw new HttpError(400, "response_format json_schema needs json_schema.schema");
    const key = JSON.stringify(schema);
    if (!grammars.has(key)) grammars.set(key, await schemaGrammar(boundStrings(schema)));
    return { grammar: grammars.get(key), mode: "json_schema" };
  }
  throw new HttpError(400, `response_format type ${JSON.stringify(format.type)} is not supported`);
}

async function schemaGrammar(schema) {
  if (!compactBuilder) return llama.createGrammarForJsonSchema(schema);
  return llama.createGrammar({
    grammar: compactBuilder(schema, { allowNewLines: false }),
    stopGenerationTriggers: [LlamaText(["\n".repeat(4)])], // as the public builder ends it
    trimWhitespaceSuffix: true,
  });
}

// A small model can loop inside a free string until max_tokens cuts the JSON off. Unbounded
// strings nested below the top level (the facts' quoted words; not an answer's text) get a
// maxLength here, in the grammar only: a reply within it is still valid against the schema
// as sent.
function boundStrings(schema, depth = 0) {
  if (Array.isArray(schema)) return schema.map((s) => boundStrings(s, depth));
  if (!schema || typeof schema !== "object") return schema;
  const out = { ...schema };
  if (out.properties) {
    out.properties = Object.fromEntries(
      Object.entries(out.properties).map(([k, v]) => [k, boundStrings(v, depth + 1)]),
    );
  }
  if (out.items) out.items = boundStrings(out.items, depth + 1);
  const free = out.type === "string" && !out.enum && out.const === undefined && out.maxLength === undefined;
  if (MAX_STRING > 0 && depth > 1 && free) out.maxLength = MAX_STRING;
  return out;
}

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function text(content) {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((p) => (typeof p === "string" ? p : p?.text ?? "")).join("");
  return "";
}

// OpenAI messages -> node-llama-cpp chat history and the last user message.
function conversation(messages) {
  if (!Array.isArray(messages) || messages.length === 0) throw new HttpError(400, "messages must be a non-empty list");
  const last = messages[messages.length - 1];
  if (last?.role !== "user") throw new HttpError(400, "the last message must be the user's");
  const history = [];
  for (const m of messages.slice(0, -1)) {
    const body = text(m?.content);
    if (m?.role === "system" || m?.role === "developer") history.push({ type: "system", text: body });
    else if (m?.role === "user") history.push({ type: "user", text: body });
    else if (m?.role === "assistant") history.push({ type: "model", response: [body] });
  }
  return { history, prompt: text(last.content) };
}

// One request at a time on the one sequence.
let queue = Promise.resolve();
function serialized(task) {
  const run = queue.then(task, task);
  queue = run.catch(() => {});
  return run;
}

// What a request asks for, checked before any reply is started (a bad one gets a 4xx).
async function prepare(body) {
  const { history, prompt } = conversation(body.messages);
  const { grammar, mode } = await grammarFor(body.response_format);
  const maxTokens = Number(body.max_completion_tokens ?? body.max_tokens ?? DEFAULT_MAX_TOKENS);
  if (!Number.isInteger(maxTokens) || maxTokens < 1) throw new HttpError(400, "max_tokens must be a positive integer");
  return { history, prompt, grammar, mode, maxTokens, temperature: Number(body.temperature ?? 0),
           seed: Number.isInteger(body.seed) ? body.seed : 0 };
}

async function complete(job, onText, signal) {
  const { history, prompt, grammar, mode, maxTokens, temperature, seed } = job;
  const session = new LlamaChatSession({ contextSequence: sequence, autoDisposeSequence: false });
  const meter = sequence.tokenMeter.getState();
  const started = Date.now();
  let first = null;
  try {
    session.setChatHistory([...history]);
    const result = await session.promptWithMeta(prompt, {
      grammar,
      maxTokens,
      temperature,
      seed,
      tokenBias: mode === "json_schema" && compactBuilder ? noLineBreaks : undefined,
      signal,
      stopOnAbortSignal: true,
      onTextChunk(chunk) {
        if (first === null) first = Date.now() - started;
        onText(chunk);
      },
    });
    const used = sequence.tokenMeter.diff(meter);
    const completion = used.usedOutputTokens;
    // Tokens in the context after the reply: the whole prompt plus the reply (the evaluated
    // count alone would leave out the prefix reused from the previous request).
    const promptTokens = Math.max(sequence.contextTokens.length - completion, used.usedInputTokens);
    return {
      content: result.responseText,
      finish: result.stopReason === "maxTokens" ? "length" : "stop",
      usage: { prompt_tokens: promptTokens, completion_tokens: completion, total_tokens: promptTokens + completion },
      mode,
      ms_first: first,
      ms_total: Date.now() - started,
    };
  } finally {
    session.dispose({ disposeSequence: false });
  }
}

function log(entry) {
  if (opts.log) appendFileSync(opts.log, JSON.stringify({ at: new Date().toISOString(), ...entry }) + "\n");
}

function sendJson(res, status, data) {
  const payload = JSON.stringify(data);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload) });
  res.end(payload);
}

function chunk(id, delta, finish = null) {
  return { id, object: "chat.completion.chunk", created: Math.floor(Date.now() / 1000), model: modelName,
           choices: [{ index: 0, delta, finish_reason: finish }] };
}

async function readBody(req) {
  let size = 0;
  const parts = [];
  for await (const part of req) {
    size += part.length;
    if (size > MAX_BODY) throw new HttpError(413, "request body too large");
    parts.push(part);
  }
  try {
    return JSON.parse(Buffer.concat(parts).toString("utf8") || "{}");
  } catch {
    throw new HttpError(400, "the request body is not JSON");
  }
}

async function chatCompletions(req, res) {
  const body = await readBody(req);
  const id = `chatcmpl-local-${Date.now()}`;
  const abort = new AbortController();
  res.on("close", () => abort.abort());
  if (!body.stream) {
    const out = await serialized(async () => complete(await prepare(body), () => {}, abort.signal));
    log({ response_format: body.response_format ?? null, stream: false, ...out });
    sendJson(res, 200, {
      id, object: "chat.completion", created: Math.floor(Date.now() / 1000), model: modelName,
      choices: [{ index: 0, message: { role: "assistant", content: out.content }, finish_reason: out.finish }],
      usage: out.usage,
    });
    return;
  }
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache", Connection: "keep-alive" });
    res.write(`data: ${JSON.stringify(chunk(id, { role: "assistant", content: "" }))}\n\n`);
  };
  const out = await serialized(async () => {
    const job = await prepare(body);
    start(); // headers once the request is known to be good and its turn has come
    return complete(job, (piece) => res.write(`data: ${JSON.stringify(chunk(id, { content: piece }))}\n\n`), abort.signal);
  });
  log({ response_format: body.response_format ?? null, stream: true, ...out });
  res.write(`data: ${JSON.stringify(chunk(id, {}, out.finish))}\n\n`);
  if (body.stream_options?.include_usage) {
    res.write(`data: ${JSON.stringify({ ...chunk(id, {}), choices: [], usage: out.usage })}\n\n`);
  }
  res.end("data: [DONE]\n\n");
}

const server = createServer(async (req, res) => {
  try {
    const path = (req.url ?? "").split("?")[0];
    if (req.method === "GET" && (path === "/v1/models" || path === "/models")) {
      sendJson(res, 200, { object: "list", data: [{ id: modelName, object: "model", owned_by: "local" }] });
    } else if (req.method === "GET" && path === "/health") {
      sendJson(res, 200, { status: "ok", model: modelName });
    } else if (req.method === "POST" && (path === "/v1/chat/completions" || path === "/chat/completions")) {
      await chatCompletions(req, res);
    } else {
      throw new HttpError(404, `no route ${req.method} ${path}`);
    }
  } catch (err) {
    const status = err instanceof HttpError ? err.status : 500;
    if (status === 500) console.error(err);
    if (!res.headersSent) sendJson(res, status, { error: { message: err.message, type: "invalid_request_error", code: String(status) } });
    else res.end();
  }
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}

server.listen(Number(opts.port), HOST, () => {
  const { port } = server.address();
  // One line a caller can wait for.
  console.log(`local_model_server: ${modelName} on http://${HOST}:${port}/v1`);
});
