// Generated from Themes/*.toml (ThemeTests checks they agree): the built-in themes, so the
// editor has them wherever the binary runs. Regenerate after editing a theme file.

/// The text of the built-in themes, by name.
enum BuiltinThemes {
    static let text: [String: String] = [
        "default": #"""
# Kino default theme: dark. Roles are semantic (what a thing is, not which widget draws it).
# A role is "fg colour" or { fg, bg, modifiers }; colours are #RRGGBB or [palette] names.
# Missing roles fall back to their parent ("timeline.shot.stale" -> "timeline.shot") then ui.text.

"ui.background" = { fg = "fg", bg = "bg" }
"ui.text" = "fg"
"ui.text.dim" = "muted"
"ui.border" = "line"
"ui.border.focused" = { fg = "accent", modifiers = ["bold"] }
"ui.title" = "muted"
"ui.title.focused" = { fg = "accent", modifiers = ["bold"] }
"ui.cursor" = { fg = "bg", bg = "fg" }

"preview.empty" = "muted"
"preview.info" = "fg"

"timeline.ruler" = "muted"
"timeline.ruler.label" = "fg"
"timeline.scene" = { fg = "bg", bg = "scene" }
"timeline.scene.alt" = { fg = "bg", bg = "scene2" }
"timeline.shot" = { fg = "fg", bg = "shot" }
"timeline.shot.alt" = { fg = "fg", bg = "shot2" }
"timeline.shot.selected" = { fg = "bg", bg = "accent", modifiers = ["bold"] }
"timeline.shot.stale" = { fg = "warn", bg = "shot" }
"timeline.shot.rendering" = { fg = "bg", bg = "progress" }
"timeline.state" = "muted"
"timeline.state.rendered" = "ok"
"timeline.state.stale" = "warn"
"timeline.state.rendering" = "progress"
"timeline.state.queued" = "progress"
"timeline.playhead" = { fg = "playhead", modifiers = ["bold"] }
"timeline.keyframe" = "key"

"inspector.label" = "muted"
"inspector.value" = "fg"
"inspector.prompt" = "fg"
"inspector.prompt.editing" = { fg = "fg", bg = "editbg" }
"inspector.ignored" = "warn"
"inspector.understood" = "ok"

"curve.axis" = "line"
"curve.label" = "muted"
"curve.line" = "curve"
"curve.key" = { fg = "key", modifiers = ["bold"] }
"curve.key.selected" = { fg = "bg", bg = "accent", modifiers = ["bold"] }
"curve.handle" = "handle"
"curve.playhead" = "playhead"

"characters.name" = { fg = "fg", modifiers = ["bold"] }
"characters.usage" = "muted"

"status" = { fg = "fg", bg = "statusbg" }
"status.mode" = { fg = "bg", bg = "accent", modifiers = ["bold"] }
"status.mode.insert" = { fg = "bg", bg = "ok", modifiers = ["bold"] }
"status.mode.curve" = { fg = "bg", bg = "key", modifiers = ["bold"] }
"status.mode.command" = { fg = "bg", bg = "warn", modifiers = ["bold"] }
"status.job" = { fg = "progress", bg = "statusbg" }
"status.job.bar" = { fg = "progress", bg = "statusbg" }
"message.info" = "fg"
"message.error" = { fg = "error", modifiers = ["bold"] }

"command" = "fg"
"command.completion" = { fg = "muted", bg = "statusbg" }
"command.completion.selected" = { fg = "bg", bg = "accent" }

"help" = { fg = "fg", bg = "panel" }
"help.title" = { fg = "accent", bg = "panel", modifiers = ["bold"] }
"help.key" = { fg = "key", bg = "panel", modifiers = ["bold"] }

[palette]
bg = "#16181d"
panel = "#20232b"
statusbg = "#2a2e38"
editbg = "#262a33"
fg = "#d8dee9"
muted = "#7b8496"
line = "#3b4252"
accent = "#88c0d0"
scene = "#b48ead"
scene2 = "#8f7aa8"
shot = "#334155"
shot2 = "#3d4a5e"
progress = "#ebcb8b"
ok = "#a3be8c"
warn = "#d08770"
error = "#bf616a"
playhead = "#ff5c8a"
key = "#ebcb8b"
curve = "#81a1c1"
handle = "#5e81ac"
"""#,
        "light": #"""
# Kino light theme: the default theme's roles on a light background.
inherits = "default"

[palette]
bg = "#f7f7f5"
panel = "#ecebe6"
statusbg = "#e2e1da"
editbg = "#ffffff"
fg = "#24292f"
muted = "#6e7781"
line = "#c8c8c0"
accent = "#0969da"
scene = "#8250df"
scene2 = "#a475f9"
shot = "#d0d7de"
shot2 = "#bcc4cc"
progress = "#9a6700"
ok = "#1a7f37"
warn = "#bc4c00"
error = "#cf222e"
playhead = "#d1245a"
key = "#9a6700"
curve = "#0550ae"
handle = "#6e7781"
"""#,
        "high-contrast": #"""
# Kino high-contrast theme: black and white with a few saturated signals, bold where it matters.
inherits = "default"

"timeline.shot" = { fg = "fg", bg = "shot", modifiers = ["bold"] }
"timeline.shot.alt" = { fg = "fg", bg = "shot2", modifiers = ["bold"] }
"timeline.shot.selected" = { fg = "bg", bg = "accent", modifiers = ["bold", "underline"] }
"ui.border.focused" = { fg = "accent", modifiers = ["bold"] }
"message.error" = { fg = "bg", bg = "error", modifiers = ["bold"] }

[palette]
bg = "#000000"
panel = "#000000"
statusbg = "#1c1c1c"
editbg = "#000000"
fg = "#ffffff"
muted = "#c0c0c0"
line = "#ffffff"
accent = "#ffff00"
scene = "#00ffff"
scene2 = "#ff00ff"
shot = "#0000b0"
shot2 = "#00006a"
progress = "#ffaf00"
ok = "#00ff00"
warn = "#ff8700"
error = "#ff0000"
playhead = "#ff0000"
key = "#ffff00"
curve = "#00ffff"
handle = "#ff00ff"
"""#,
        "mono": #"""
# Kino mono theme: no colour at all (chosen when NO_COLOR is set); attributes carry meaning.
monochrome = true

"ui.border.focused" = { modifiers = ["bold"] }
"ui.title.focused" = { modifiers = ["bold", "underline"] }
"ui.text.dim" = { modifiers = ["dim"] }
"ui.cursor" = { modifiers = ["reverse"] }
"timeline.scene" = { modifiers = ["reverse"] }
"timeline.shot" = { modifiers = [] }
"timeline.shot.selected" = { modifiers = ["reverse", "bold"] }
"timeline.shot.stale" = { modifiers = ["dim"] }
"timeline.shot.rendering" = { modifiers = ["underline"] }
"timeline.playhead" = { modifiers = ["bold"] }
"timeline.keyframe" = { modifiers = ["bold"] }
"inspector.label" = { modifiers = ["dim"] }
"inspector.prompt.editing" = { modifiers = ["underline"] }
"inspector.ignored" = { modifiers = ["underline"] }
"curve.line" = { modifiers = [] }
"curve.key" = { modifiers = ["bold"] }
"curve.key.selected" = { modifiers = ["reverse", "bold"] }
"curve.handle" = { modifiers = ["dim"] }
"status" = { modifiers = ["reverse"] }
"status.mode" = { modifiers = ["bold"] }
"status.job" = { modifiers = ["reverse"] }
"status.job.bar" = { modifiers = ["reverse"] }
"message.error" = { modifiers = ["bold", "reverse"] }
"command.completion.selected" = { modifiers = ["reverse"] }
"help.title" = { modifiers = ["bold", "underline"] }
"help.key" = { modifiers = ["bold"] }
"""#,
    ]
}
