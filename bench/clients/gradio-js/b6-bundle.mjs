// B6, @gradio/client: the smallest program that makes one call (bundled by esbuild, never run).
import { Client } from "@gradio/client";

const client = await Client.connect("http://127.0.0.1:7860/bench_echo");
console.log((await client.predict("/echo", { text: "hello" })).data[0]);
