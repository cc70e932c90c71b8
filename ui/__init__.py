"""The Gradio chat: a thin layer over rag's public API."""
