/** How the dropdown module is used (and misused: the @ts-expect-error lines must not compile). */
import { capital, connect, describe, type Country } from "./country_picker.js";

/** What `demo` returns against the running test app. */
export const expected = { japan: "Tokyo", peruUpper: "LIMA", byDefault: "Paris", described: "France, Spain / Lyon" };

/** Choices are literal types; the city Dropdown also accepts values outside its choices. */
export async function demo(baseUrl: string): Promise<typeof expected> {
  const client = connect({ baseUrl });
  try {
    const countries: Country[] = ["France", "Spain"];
    return {
      japan: await client.capital("Japan"),
      peruUpper: await client.capital("Peru", "upper"),
      byDefault: await client.capital(),
      described: await client.describe(countries, "Lyon"),
    };
  } finally {
    await client.close();
  }
}

/** Never called: each line below is a compile error, proven by @ts-expect-error. */
export function misuse(): void {
  // @ts-expect-error "Atlantis" is not one of the choices
  void capital("Atlantis");
  // @ts-expect-error the style's values are "normal" and "upper" (not the labels)
  void capital("Peru", "UPPER CASE");
  // @ts-expect-error a list of countries, not one
  void describe("France", "Paris");
}
