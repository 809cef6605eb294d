"""Dropdowns: one with many choices, one that accepts custom values, a multiselect, and a Radio
whose choices have labels different from their values."""
import gradio as gr

CAPITALS = {
    "Argentina": "Buenos Aires", "Australia": "Canberra", "Austria": "Vienna", "Belgium": "Brussels",
    "Brazil": "Brasília", "Canada": "Ottawa", "Chile": "Santiago", "China": "Beijing",
    "Colombia": "Bogotá", "Croatia": "Zagreb", "Czechia": "Prague", "Denmark": "Copenhagen",
    "Egypt": "Cairo", "Estonia": "Tallinn", "Finland": "Helsinki", "France": "Paris",
    "Germany": "Berlin", "Greece": "Athens", "Hungary": "Budapest", "Iceland": "Reykjavík",
    "India": "New Delhi", "Indonesia": "Jakarta", "Ireland": "Dublin", "Israel": "Jerusalem",
    "Italy": "Rome", "Japan": "Tokyo", "Kenya": "Nairobi", "Latvia": "Riga",
    "Lithuania": "Vilnius", "Luxembourg": "Luxembourg", "Mexico": "Mexico City", "Morocco": "Rabat",
    "Netherlands": "Amsterdam", "New Zealand": "Wellington", "Nigeria": "Abuja", "Norway": "Oslo",
    "Peru": "Lima", "Philippines": "Manila", "Poland": "Warsaw", "Portugal": "Lisbon",
    "Romania": "Bucharest", "Senegal": "Dakar", "Slovakia": "Bratislava", "Slovenia": "Ljubljana",
    "South Africa": "Pretoria", "South Korea": "Seoul", "Spain": "Madrid", "Sweden": "Stockholm",
    "Switzerland": "Bern", "Thailand": "Bangkok", "Tunisia": "Tunis", "Turkey": "Ankara",
    "Ukraine": "Kyiv", "United Kingdom": "London", "United States": "Washington, D.C.",
    "Uruguay": "Montevideo", "Vietnam": "Hanoi",
}


def capital(country: str, style: str) -> str:
    """The capital of a country, in the chosen style."""
    name = CAPITALS.get(country, f"unknown ({country})")
    return name.upper() if style == "upper" else name


def describe(countries: list[str], city: str) -> str:
    """Lists the chosen countries and a city that may be anything."""
    return f"{', '.join(countries)} / {city}"


def build() -> gr.Blocks:
    with gr.Blocks(title="Country picker") as demo:
        country = gr.Dropdown(sorted(CAPITALS), value="France", label="Country")
        style = gr.Radio([("Normal", "normal"), ("UPPER CASE", "upper")], value="normal", label="Style")
        out = gr.Textbox(label="Capital")
        gr.Button("Capital").click(capital, [country, style], out, api_name="capital")
        many = gr.Dropdown(sorted(CAPITALS), multiselect=True, label="Countries")
        city = gr.Dropdown(["Paris", "Rome"], allow_custom_value=True, value="Paris", label="City")
        summary = gr.Textbox(label="Summary")
        gr.Button("Describe").click(describe, [many, city], summary, api_name="describe")
    return demo
