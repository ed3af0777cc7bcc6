// Design tokens of the UI kit (components/ui and the `.input` class in app/globals.css), loaded by the stylesheet
// with Tailwind 4's `@config`. Change a colour, radius or font stack here and every page follows.
import type { Config } from "tailwindcss";
import colors from "tailwindcss/colors";

const SANS = [
  "ui-sans-serif",
  "system-ui",
  "-apple-system",
  '"Segoe UI"',
  "Roboto",
  '"Helvetica Neue"',
  "Arial",
  "sans-serif",
];
const MONO = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", '"Liberation Mono"', "monospace"];

export default {
  theme: {
    extend: {
      colors: {
        /** Primary actions, links, focus rings, the selected tab. */
        brand: colors.indigo,
        /** Text, borders and surfaces. */
        ink: colors.slate,
        /** Errors, failed deliveries, destructive actions. */
        danger: colors.red,
        /** Delivered, active, a secret that is set. */
        success: colors.emerald,
        /** Warnings, retrying, paused. */
        warning: colors.amber,
        /** Information and notices. */
        info: colors.sky,
      },
      borderRadius: {
        /** Inputs, buttons, badges. */
        control: "0.375rem",
        /** Cards, panels, dialogs. */
        panel: "0.75rem",
      },
      fontFamily: { sans: SANS, mono: MONO },
    },
  },
} satisfies Config;
