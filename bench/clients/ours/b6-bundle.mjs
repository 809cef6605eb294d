// B6, gradio-codegen: the smallest program that makes one call (bundled by esbuild, never run).
import { echo } from "../../.work/gen/bench_echo.js";

console.log(await echo("hello"));
