"""English -> French "translator" (a small dictionary stands in for the model): Textbox -> Textbox."""
import gradio as gr

WORDS = {
    "hello": "bonjour",
    "goodbye": "au revoir",
    "thank you": "merci",
    "cat": "chat",
    "dog": "chien",
    "house": "maison",
    "water": "eau",
    "friend": "ami",
}


def translate(text: str) -> str:
    """Translate English words to French, word by word; unknown words are kept."""
    phrase = text.strip().lower().rstrip(".!?")
    if phrase in WORDS:
        return WORDS[phrase]
    return " ".join(WORDS.get(word, word) for word in phrase.split())


def build() -> gr.Blocks:
    return gr.Interface(
        fn=translate,
        inputs=gr.Textbox(label="English", placeholder="Hello"),
        outputs=gr.Textbox(label="French"),
        title="English to French",
    )
