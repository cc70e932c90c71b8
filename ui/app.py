"""The Gradio chat: layout and event wiring over `ChatController` (ui/chat.py).

Gradio is imported inside functions: importing `ui.app` stays cheap. This module has no
`from __future__ import annotations` on purpose: Gradio reads the event handlers' type
hints (gr.LikeData, the /ask endpoint's parameters) at runtime.
"""

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from ingest.errors import IngestError
from rag.errors import QuestionError
from rag.models import Answer, Turn
from rag.policy import FACT_NAMES
from rag.settings import Settings
from ui.chat import ChatController, ChatSession, fact_values, failure_message
from ui.document import SCROLL_JS, document_html, missing_html
from ui.feedback import FeedbackStore
from ui.records import FORMAT_CHOICES, RecordFiles
from ui.render import (
    fact_controls,
    fact_info,
    fact_label,
    sources_html,
    status_html,
    value_label,
    verdict_html,
)

if TYPE_CHECKING:
    import gradio as gr

    from rag.assistant import PolicyAssistant

__all__ = ["EXAMPLES", "build_app", "launch_options", "serve"]

log = logging.getLogger(__name__)

# Canonical questions (POLICY_MODEL.md §5), one per kind of answer.
EXAMPLES: tuple[str, ...] = (
    "Can a European agency use dashcam face matching?",
    "French police want live face matching from body cameras on street patrols against a suspects database.",
    "Can the NYPD identify a robbery suspect from CCTV stills after the fact?",
    "Can a US police department use GPT-4 on Azure to summarize body-camera audio into draft reports?",
    "Can an office badge-in kiosk verify enrolled employees by face, with their consent?",
    "What product did Axon announce?",
)

# Fixed slots for clarifying questions and their one-click options, shown per answer.
QUESTION_SLOTS = 4
OPTION_SLOTS = 4

_CSS_PATH = Path(__file__).with_name("theme.css")
_HEADER = (
    '<div class="pq-header"><div class="pq-logo">PolicyQA</div>'
    '<div class="pq-tagline">Is this use of Azure OpenAI Service allowed by its Code of Conduct '
    "(facial recognition and police)? A verdict, the clause it rests on, and the sources.</div></div>"
)


def launch_options(settings: Settings) -> dict[str, Any]:
    """Safe `launch()` arguments: bound to settings.host, never shared, no file serving,
    optional basic auth, our theme and CSS (Gradio 6 takes those at launch)."""
    import gradio as gr

    auth = None
    if settings.auth_user and settings.auth_password:
        auth = (settings.auth_user, settings.auth_password.get_secret_value())
    return {
        "server_name": settings.host,
        "share": False,
        "auth": auth,
        "allowed_paths": [],
        "ssr_mode": False,
        "mcp_server": False,
        "pwa": False,
        "enable_monitoring": False,
        "show_error": False,
        "max_file_size": "1mb",
        "footer_links": ["api"],
        "theme": gr.themes.Soft(primary_hue="indigo", neutral_hue="slate"),
        "css": _CSS_PATH.read_text(encoding="utf-8"),
    }


def serve(settings: Settings) -> None:
    """`policyqa serve`: open (or build) the index, then run the chat until interrupted."""
    from rag.assistant import PolicyAssistant

    assistant = PolicyAssistant.from_settings(settings, progress=True)
    app = build_app(assistant, settings)
    print(f"policyqa: chat on http://{settings.host}:{settings.port} (Ctrl+C stops it)")
    app.launch(server_port=settings.port, quiet=True, **launch_options(settings))


def build_app(assistant: "PolicyAssistant", settings: Settings) -> "gr.Blocks":
    """The chat app, queued (concurrency > 1, bounded queue); the caller launches it."""
    import gradio as gr

    controller = ChatController(assistant, FeedbackStore(settings.feedback_db))
    files = RecordFiles()
    with gr.Blocks(title="PolicyQA: Azure OpenAI Code of Conduct", analytics_enabled=False) as app:
        session = gr.State(ChatSession())  # copied per browser session
        pending = gr.State("")  # the question being asked, once the textbox is cleared
        with gr.Row(elem_id="pq-top"):
            gr.HTML(_HEADER)
            status = gr.HTML(status_html(None, assistant.backend_name), elem_id="pq-status")
        with gr.Row(equal_height=False, elem_id="pq-main"):
            with gr.Column(scale=3, min_width=420):
                chat = _chatbot(gr)
                with gr.Row(visible=False, elem_id="pq-record-row") as record_row:
                    record_format = gr.Radio(FORMAT_CHOICES, value="html", show_label=False,
                                             container=False, elem_id="pq-record-format")
                    download = gr.DownloadButton("Download record", size="sm", variant="secondary",
                                                 elem_id="pq-record")
                with gr.Column(visible=False, elem_id="pq-wrong") as wrong_box:
                    wrong = gr.CheckboxGroup(label="Thanks. Which fact did I get wrong?",
                                             elem_id="pq-wrong-facts")
                    with gr.Row():
                        wrong_send = gr.Button("Send", size="sm", variant="primary",
                                               elem_id="pq-wrong-send")
                        wrong_skip = gr.Button("Skip", size="sm", elem_id="pq-wrong-skip")
                with gr.Row(elem_id="pq-ask-row"):
                    question = gr.Textbox(
                        show_label=False, placeholder="Ask whether a use is allowed…",
                        lines=1, max_lines=6, scale=6, elem_id="pq-question",
                        autofocus=True,
                    )
                    send = gr.Button("Ask", variant="primary", scale=1, min_width=80,
                                     elem_id="pq-send")
                with gr.Column(visible=False, elem_id="pq-clarify") as clarify:
                    head, rows, prompts, buttons = _clarify_slots(gr)
                with gr.Accordion("Sources", open=True, elem_id="pq-sources-box"):
                    sources = gr.HTML(sources_html(None), elem_id="pq-sources",
                                      js_on_load=_OPEN_SOURCE_JS)
            with gr.Column(scale=2, min_width=340, elem_id="pq-side"):
                verdict = gr.HTML(verdict_html(None), elem_id="pq-verdict")
                with gr.Accordion("What I understood", open=True, visible=False,
                                  elem_id="pq-facts") as facts_box:
                    gr.Markdown("Change a fact to see how the verdict changes.",
                                elem_classes=["pq-hint"])
                    controls = _fact_controls(gr)
                examples = gr.Examples(
                    examples=[[q] for q in EXAMPLES], inputs=[question],
                    label="Try one of these", api_visibility="private",
                )

        with gr.Column(visible=False, elem_id="pq-doc-panel") as doc_panel:
            with gr.Row(elem_id="pq-doc-bar"):
                gr.Markdown("**Cited document**", elem_classes=["pq-doc-heading"])
                doc_close = gr.Button("Close", size="sm", scale=0, min_width=70,
                                      elem_id="pq-doc-close")
            doc_view = gr.HTML("", elem_id="pq-doc-view")

        outputs: list[Any] = [session, chat, status, verdict, sources, facts_box,
                              *controls, clarify, head, *rows, *prompts, *buttons,
                              record_row, download, doc_panel]

        def view(s: ChatSession, *, streaming: bool = False) -> list[Any]:
            if streaming:  # only the chat moves while text streams in
                return [s, s.messages] + [gr.skip()] * (len(outputs) - 2)
            record = controller.record_file(s, files)
            return [s, s.messages, *_panels(gr, s, assistant.backend_name),
                    gr.update(visible=record is not None),
                    gr.update(value=str(record) if record else None),
                    gr.update(visible=False)]  # a new answer closes the old one's document

        def answer_question(s: ChatSession, q: str) -> Iterator[list[Any]]:
            steps = 0
            for current in controller.ask(s, q):
                yield view(current, streaming=steps > 0 and current.pending)
                steps += 1
            if steps == 0:  # blank, or the previous answer is still streaming
                if q.strip():
                    gr.Warning("Still answering the previous question: ask again in a moment.")
                yield [gr.skip()] * len(outputs)


        def rate(s: ChatSession, data: gr.LikeData) -> list[Any]:
            if isinstance(data.liked, bool) and isinstance(data.index, int):
                controller.rate(s, data.index, data.liked)
            choices = [(f"{fact_label(f.name)}: {value_label(f.name, f.value)}", f.name)
                       for f in s.disliked_facts]
            return [gr.update(visible=bool(choices)), gr.update(choices=choices, value=[])]

        def send_wrong(s: ChatSession, names: list[str]) -> Any:
            if controller.mark_wrong(s, list(names or [])) and names:
                gr.Info("Noted: the facts you marked are kept with your thumbs-down.")
            return gr.update(visible=False)

        def skip_wrong(s: ChatSession) -> Any:
            s.disliked, s.disliked_facts = None, []
            return gr.update(visible=False)

        def open_source(s: ChatSession, data: gr.EventData) -> list[Any]:
            # The browser sends only a citation number; the document comes from the index.
            number = getattr(data, "_data", None) or {}
            citation = controller.citation(s, number.get("cite") if isinstance(number, dict) else None)
            if citation is None:
                return [gr.skip(), gr.skip()]
            doc = controller.source(citation)
            html = document_html(doc, citation.number) if doc else missing_html(citation.number)
            return [gr.update(visible=True), html]

        def choose_format(s: ChatSession, fmt: str) -> Any:
            s.record_format = fmt
            record = controller.record_file(s, files)
            return gr.update(value=str(record) if record else None)

        def take(q: str) -> tuple[str, str]:
            return "", q

        engine = {"concurrency_id": "engine", "api_visibility": "private"}
        for trigger in (question.submit, send.click):
            trigger(take, [question], [question, pending], queue=False,
                    api_visibility="private").then(answer_question, [session, pending], outputs, **engine)
        examples.load_input_event.then(take, [question], [question, pending], queue=False,
                                       api_visibility="private").then(
            answer_question, [session, pending], outputs, **engine)
        for name, control in zip(FACT_NAMES, controls, strict=True):
            # Only the edited fact travels: edits in flight may land in any order.
            def what_if(s: ChatSession, value: str, name: str = name) -> list[Any]:
                return view(controller.what_if(s, {name: value}))

            control.input(what_if, [session, control], outputs, **engine)
        for index, button in enumerate(buttons):
            qi, oi = divmod(index, OPTION_SLOTS)

            def choose(s: ChatSession, qi: int = qi, oi: int = oi) -> list[Any]:
                return view(controller.choose(s, qi, oi))

            button.click(choose, [session], outputs, **engine)
        chat.like(rate, [session], [wrong_box, wrong], api_visibility="private")
        wrong_send.click(send_wrong, [session, wrong], [wrong_box], api_visibility="private")
        wrong_skip.click(skip_wrong, [session], [wrong_box], api_visibility="private")
        sources.click(open_source, [session], [doc_panel, doc_view],
                      api_visibility="private").then(None, js=SCROLL_JS)
        doc_close.click(lambda: gr.update(visible=False), None, [doc_panel], queue=False,
                        api_visibility="private")
        record_format.change(choose_format, [session, record_format], [download],
                             api_visibility="private")
        _api(gr, assistant)
    app.queue(default_concurrency_limit=settings.concurrency, max_size=settings.queue_size)
    return app


# A click (or Enter) on a source card asks the server to open that citation's document.
_OPEN_SOURCE_JS = """
const open = (card) => trigger('click', {cite: Number(card.dataset.cite)});
element.addEventListener('click', (event) => {
  const card = event.target.closest('[data-cite]');
  if (card && element.contains(card)) open(card);
});
element.addEventListener('keydown', (event) => {
  const card = event.target.closest('[data-cite]');
  if (card && (event.key === 'Enter' || event.key === ' ')) { event.preventDefault(); open(card); }
});
"""


def _chatbot(gr: Any) -> "gr.Chatbot":
    return gr.Chatbot(
        elem_id="pq-chat", height=560, show_label=False,
        sanitize_html=True, render_markdown=True, allow_tags=False,
        latex_delimiters=[],  # no KaTeX on user text
        feedback_options=("Like", "Dislike"), buttons=["copy"],
        placeholder="Ask about a use of Azure OpenAI Service: who uses it, for what, "
                    "live or afterwards, on which cameras, where.",
    )


_CLARIFY_HEAD = "**It depends on this.** Answer with one click:"
# A fact the readers read differently is asked about whatever the verdict.
_DISPUTED_HEAD = "**The readers disagree on this.** Answer with one click:"


def _clarify_slots(gr: Any) -> tuple[Any, list[Any], list[Any], list[Any]]:
    head = gr.Markdown(_CLARIFY_HEAD, elem_classes=["pq-hint"], elem_id="pq-clarify-head")
    rows, prompts, buttons = [], [], []
    for qi in range(QUESTION_SLOTS):
        with gr.Row(visible=False, elem_classes=["pq-clarify-row"]) as row:
            prompts.append(gr.Markdown(elem_classes=["pq-clarify-q"]))
            for oi in range(OPTION_SLOTS):
                buttons.append(gr.Button(visible=False, size="sm", variant="secondary",
                                         elem_classes=["pq-option"],
                                         elem_id=f"pq-option-{qi}-{oi}"))
        rows.append(row)
    return head, rows, prompts, buttons


def _fact_controls(gr: Any) -> list[Any]:
    """The what-if controls, one per declared fact (ui.render.fact_controls)."""
    controls = []
    for spec in fact_controls():
        if spec.kind == "dropdown":
            controls.append(gr.Dropdown(choices=spec.choices, value="unknown",
                                        label=spec.label, elem_id=f"pq-fact-{spec.name}",
                                        elem_classes=["pq-fact-choice"], interactive=True))
        else:
            controls.append(gr.Radio([value for _, value in spec.choices], value="unknown",
                                     label=spec.label, elem_id=f"pq-fact-{spec.name}",
                                     elem_classes=["pq-fact"]))
    return controls


def _panels(gr: Any, s: ChatSession, backend: str) -> list[Any]:
    """Updates for everything beside the chat, in `outputs` order."""
    answer = None if s.pending else s.answer
    decided = answer is not None and answer.verdict in ("prohibited", "depends", "not_prohibited")
    readings = {f.name: f for f in answer.facts} if answer is not None else {}
    disputed = {d.fact: d for d in answer.disagreements} if answer is not None else {}
    values = fact_values(answer)
    options = s.options()
    row_updates, prompt_updates, button_updates = [], [], []
    for qi in range(QUESTION_SLOTS):
        text, opts = options[qi] if qi < len(options) else ("", [])
        row_updates.append(gr.update(visible=bool(opts)))
        prompt_updates.append(gr.update(value=text))
        for oi in range(OPTION_SLOTS):
            label = opts[oi].label if oi < len(opts) else ""
            button_updates.append(gr.update(value=label, visible=bool(label)))
    return [
        status_html(answer, backend),
        verdict_html(answer) if not s.pending else _answering(),
        sources_html(answer),
        gr.update(visible=decided),
        *(gr.update(value=values[name], info=fact_info(readings.get(name), disputed.get(name)))
          for name in FACT_NAMES),
        gr.update(visible=bool(options)),
        gr.update(value=_DISPUTED_HEAD if answer is not None and answer.verdict != "depends"
                  and answer.disagreements else _CLARIFY_HEAD),
        *row_updates, *prompt_updates, *button_updates,
    ]


def _answering() -> str:
    return '<div class="pq-verdict pq-empty">Answering…</div>'


def _history_turns(history: object) -> list[Turn]:
    """The turns of /ask's `history`: a JSON string as documented, or the list itself,
    which gradio_client passes through unencoded when a caller hands it one."""
    if history is None:
        return []
    if isinstance(history, str):
        turns = json.loads(history) if history.strip() else []
    else:
        turns = history
    if not isinstance(turns, list):
        raise ValueError(f"got {type(turns).__name__}, not a list")
    return [Turn.model_validate(t) for t in turns]


def _api(gr: Any, assistant: "PolicyAssistant") -> None:
    """The HTTP API for gradio_client: /ask returns the Answer as JSON."""

    def ask(question: str, history: str = "") -> dict[str, Any]:
        """Answer a question about the Code of Conduct. `history`: optional JSON list of
        {"role": "user"|"assistant", "content": "..."} turns before it."""
        try:
            checked = _history_turns(history)
        except (ValueError, ValidationError) as exc:
            raise gr.Error(
                f"history must be a JSON list of {{role, content}} turns: {exc}",
                print_exception=False,  # the caller's mistake, not a server fault
            ) from None
        try:
            answer: Answer = assistant.ask(question, checked)
        except Exception as exc:
            # Logged once here (a traceback only for the unexpected); Gradio need not print
            # another for every refused question.
            if isinstance(exc, IngestError):
                log.warning("/ask: index unavailable: %s", exc)
            elif not isinstance(exc, QuestionError):
                log.error("/ask failed", exc_info=exc)
            raise gr.Error(failure_message(exc), print_exception=False) from None
        return answer.model_dump(mode="json")

    gr.api(ask, api_name="ask", concurrency_id="engine")
