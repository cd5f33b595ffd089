extension Keymap {
    /// Docs/Keymap.md, generated from the table and the command list (a test checks that the
    /// committed file equals this text).
    public func markdown() -> String {
        var out = """
        # Kino editor keys

        Generated from the Keymap table in `Sources/KinoEditor/Input/Keymap.swift` (the same
        table the editor's `?` overlay prints). Do not edit by hand: change the table and run
        `KINO_UPDATE_SNAPSHOTS=1 swift test --filter KinoEditorTests` to regenerate.

        The curve editor falls back to the normal keys for any key it does not name
        (`,` `.` `[` `]` `space` `u` `ctrl-r` `:` `?` `q` `Tab`).

        """
        for mode in KeymapMode.allCases {
            out += "\n## \(mode.title)\n\n| keys | command | what it does |\n| --- | --- | --- |\n"
            for e in entries(in: mode) {
                let keys = e.keys.map { "`\($0.description == "`" ? "backtick" : $0.description)`" }.joined(separator: " ")
                out += "| \(keys) | \(e.command.rawValue) | \(e.help) |\n"
            }
        }
        out += "\n## Commands\n\nType `:` then a command; Tab completes names and arguments (repeat to cycle), ↑/↓ walk the history.\n\n| command | what it does |\n| --- | --- |\n"
        for c in EditorCommands.specs {
            out += "| `\(c.usage.replacingOccurrences(of: "|", with: "\\|"))` | \(c.help) |\n"
        }
        out += "\nMouse: a click on a shot's block selects it and moves the playhead there; a click on the ruler or scene band seeks; a click on a pane focuses it.\n"
        return out
    }
}
