#!/usr/bin/env bash
# End-to-end test of the editor through tmux: a real terminal, real keys, the real project file.
#
#   Tests/e2e/editor_tmux.sh /path/to/kino
#
# 1. `kino demo` opens the sample project; select shot 2, edit its prompt, `:render` and wait
#    for "rendered", `:refine` its last 2 s and wait for "refined", undo, quit; then
#    `kino info --json` must show the refined takes and the state the undo left.
# 2. A resize storm (dozens of tmux resize-window) and a 20x6 terminal showing "too small",
#    without a crash, recovering when enlarged.
# 3. The editor open while the CLI edits the same file: an external prompt edit and shot add
#    show in the editor; then the editor edits the same shot's prompt (only what was typed
#    changes) and adds a shot (a fresh id); two `kino undo` from the CLI undo the editor's
#    edits in order, and the editor follows.
# Prints "N passed, M failed" and exits non-zero on any failure.
set -uo pipefail
KINO=${1:?usage: editor_tmux.sh /path/to/kino}
KINO=$(cd "$(dirname "$KINO")" && pwd)/$(basename "$KINO")
WORK=$(mktemp -d)
SOCK="kino-e2e-$$"
T="tmux -L $SOCK"
passed=0 failed=0
cleanup() { $T kill-server 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

ok()   { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1"; echo "----- screen -----"; screen; echo "------------------"; }
screen() { $T capture-pane -p -t e2e 2>/dev/null; }
# wait_match GREP-FLAG PATTERN SECONDS: true once the pattern is on screen.
wait_match() {
  local deadline=$((SECONDS + $3))
  while ((SECONDS < deadline)); do
    screen | grep -q "$1" -- "$2" && return 0
    sleep 0.1
  done
  return 1
}
# wait_for TEXT SECONDS (fixed text); wait_re REGEX SECONDS (extended regular expression).
wait_for() { wait_match -F "$1" "$2"; }
wait_re() { wait_match -E "$1" "$2"; }
keys() { $T send-keys -t e2e "$@"; sleep 0.3; }
command_line() { keys ":"; $T send-keys -t e2e -l "$1"; sleep 0.2; keys Enter; }

start() {  # start COLS ROWS COMMAND...
  local cols=$1 rows=$2; shift 2
  $T new-session -d -s e2e -x "$cols" -y "$rows" \
    "env TERM=tmux-256color LANG=C.UTF-8 $*; echo \"EXIT=\$?\" > $WORK/exit; sleep 600"
  $T set-option -t e2e window-size manual >/dev/null
}
exit_code() { for _ in $(seq 50); do [[ -f $WORK/exit ]] && { cat "$WORK/exit"; return; }; sleep 0.1; done; echo "EXIT=none"; }

PROJECT="$WORK/demo.kino"

# --- 1. edit, render, refine, undo, quit ------------------------------------------------
start 120 36 "$KINO" demo "$PROJECT"
if wait_for "NORMAL" 30; then ok "kino demo opens the editor"; else fail "kino demo opens the editor"; fi

keys l
if screen | grep -qE "NORMAL +sh[0-9]+ 2/"; then ok "l selects shot 2"; else fail "l selects shot 2"; fi

keys i End
$T send-keys -t e2e -l ", in slow motion"
sleep 0.3
keys Escape
if wait_for "in slow motion" 5 && screen | grep -q "change prompt of shot"; then ok "prompt edited in insert mode"; else fail "prompt edited in insert mode"; fi

command_line "render"
if wait_for "rendered take" 600; then ok ":render finishes with 'rendered take'"; else fail ":render finishes with 'rendered take'"; fi

command_line "refine -2"
if wait_for "refined from" 600; then ok ":refine -2 finishes with 'refined from'"; else fail ":refine -2 finishes with 'refined from'"; fi

keys u
if wait_for "undid" 10; then ok "u undoes through the journal"; else fail "u undoes through the journal"; fi
UNDO_LINE=$(screen | grep -o "undid .*" | head -1)

keys q
if [[ $(exit_code) == "EXIT=0" ]]; then ok "q quits with status 0"; else fail "q quits with status 0"; fi
$T kill-session -t e2e 2>/dev/null

if "$KINO" info "$PROJECT" --json > "$WORK/info.json" 2> "$WORK/info.err"; then
  if python3 - "$WORK/info.json" "$UNDO_LINE" <<'PY'
import json, sys
info = json.load(open(sys.argv[1]))
undo = sys.argv[2]
shots = info["shots"]
shot = shots[1]
prompt = shot.get("prompt", "")
takes = shot.get("takes", shot.get("takeCount", 0))
n = len(takes) if isinstance(takes, list) else int(takes)
problems = []
if n < 2: problems.append(f"shot 2 has {n} takes; expected the render and the refine")
if "prompt" in undo and "in slow motion" in prompt: problems.append("undo of the prompt did not stick")
if "prompt" not in undo and "in slow motion" not in prompt: problems.append("the prompt edit was lost")
if problems: print("; ".join(problems)); sys.exit(1)
PY
  then ok "kino info --json shows the takes and the undone state"; else fail "kino info --json shows the takes and the undone state"; fi
else
  fail "kino info --json runs ($(cat "$WORK/info.err"))"
fi

# --- 2. resize storm and a tiny terminal ------------------------------------------------
rm -f "$WORK/exit"
start 120 36 "$KINO" edit "$PROJECT"
wait_for "NORMAL" 30 || fail "kino edit opens the editor"
for i in $(seq 1 48); do
  $T resize-window -t e2e -x $((20 + (i * 37) % 160)) -y $((6 + (i * 13) % 50))
  sleep 0.03
done
$T resize-window -t e2e -x 100 -y 30
if wait_for "NORMAL" 10; then ok "survives a resize storm of 48 resizes"; else fail "survives a resize storm of 48 resizes"; fi

$T resize-window -t e2e -x 20 -y 6
if wait_for "too small" 5; then ok "a 20x6 terminal says 'too small'"; else fail "a 20x6 terminal says 'too small'"; fi
$T resize-window -t e2e -x 100 -y 30
if wait_for "NORMAL" 5; then ok "recovers when enlarged"; else fail "recovers when enlarged"; fi
keys q
if [[ $(exit_code) == "EXIT=0" ]]; then ok "quits cleanly after the storm"; else fail "quits cleanly after the storm"; fi

# --- 3. the editor and the CLI on one file -----------------------------------------------
$T kill-session -t e2e 2>/dev/null
rm -f "$WORK/exit"
start 120 36 "$KINO" edit "$PROJECT"
wait_for "NORMAL" 30 || fail "kino edit opens the editor again"
keys l
SHOTS=$("$KINO" info "$PROJECT" --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["shots"]))')
"$KINO" shot set "$PROJECT" 2 --prompt "external words" >/dev/null
if wait_for "external words" 2; then ok "an external prompt edit shows in the open editor"; else fail "an external prompt edit shows in the open editor"; fi
"$KINO" shot add "$PROJECT" --scene 3 --prompt "added outside" --duration 1 >/dev/null
if wait_re "NORMAL +sh[0-9]+ 2/$((SHOTS + 1))\b" 2; then ok "an external shot add shows in the open editor"; else fail "an external shot add shows in the open editor"; fi
keys i End
$T send-keys -t e2e -l " EDITOR"
sleep 0.3
keys Escape
wait_for "change prompt of shot" 5
keys a
if wait_for "add shot" 5 && ! screen | grep -q "UNIQUE"; then ok "the editor adds a shot after the external add"; else fail "the editor adds a shot after the external add"; fi
PROMPT=$("$KINO" info "$PROJECT" --json | python3 -c 'import json,sys; s=json.load(sys.stdin)["shots"]; print(s[1]["prompt"], len(s))')
if [[ $PROMPT == "external words EDITOR $((SHOTS + 2))" ]]; then ok "the editor's edits land on the file's current state"; else fail "the editor's edits land on the file's current state (got '$PROMPT')"; fi
U1=$("$KINO" undo "$PROJECT" 2>&1); U2=$("$KINO" undo "$PROJECT" 2>&1)
if [[ $U1 == "undid: add shot"* && $U2 == "undid: change prompt of shot"* ]]; then ok "two CLI undos undo the editor's edits"; else fail "two CLI undos undo the editor's edits ('$U1' / '$U2')"; fi
wait_re "NORMAL +sh[0-9]+ [0-9]+/$((SHOTS + 1))\b" 2
for _ in 1 2 3; do screen | grep -qE "NORMAL +sh[0-9]+ 2/" || keys h; done
if screen | grep -qE "NORMAL +sh[0-9]+ 2/$((SHOTS + 1))\b" && screen | grep -q "external words" && ! screen | grep -q "EDITOR"; then ok "the editor follows the CLI's undos"; else fail "the editor follows the CLI's undos"; fi
keys q
if [[ $(exit_code) == "EXIT=0" ]]; then ok "quits cleanly after following the CLI"; else fail "quits cleanly after following the CLI"; fi

echo "$passed passed, $failed failed"
((failed == 0))
