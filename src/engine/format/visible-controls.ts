// What the lab terminal shows of a command's output: text and colours, never another escape.
// The tools print values as the real ones do, raw where those are raw (jq -r, curl, az -o tsv), so
// a lab value or a page an app serves can hold escape sequences. On the reader's screen those
// would set the title (OSC 0/2), write the clipboard (OSC 52), make links (OSC 8), clear the
// screen or move the cursor (CSI), or start device strings (DCS, APC, PM, SOS). The engine's own
// output needs only SGR colours (jq -C), tab, newline and CRLF (curl's headers), so everything
// else is shown in caret notation as `cat -v` and kubectl do: ESC as ^[, BEL as ^G, a lone CR as
// ^M, DEL as ^?, a C1 control as M-^[ (cat -v's spelling of 0x9B). The sequence's own text then
// follows as plain characters, so "ESC ] 0 ; x BEL" shows as ^[]0;x^G.
// Only command output goes through here: the prompt line's cursor moves and `clear` do not.

/** SGR colours (kept), CRLF (kept), or one control character (shown). */
const SHOWN = /\x1b\[[0-9;:]*m|\r\n|[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

function caret(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code === 0x7f) return '^?';
  if (code >= 0x80) return `M-${caret(String.fromCharCode(code - 0x80))}`;
  return `^${String.fromCharCode(code + 0x40)}`;
}

/** Output text with every control but SGR colour, tab, newline and CRLF made visible. */
export function visibleControls(text: string): string {
  return text.replace(SHOWN, (match) => (match.length > 1 ? match : caret(match)));
}
