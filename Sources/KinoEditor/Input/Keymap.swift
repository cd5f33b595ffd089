/// The modes whose keys the Keymap lists. `help` is the overlay's own small table.
public enum KeymapMode: String, Hashable, Sendable, CaseIterable {
    case normal, insert, curve, command, help, confirmQuit = "confirm-quit"

    public var title: String {
        switch self {
        case .normal: return "Normal (timeline, preview, inspector, characters)"
        case .insert: return "Insert (editing a prompt)"
        case .curve: return "Curve editor"
        case .command: return "Command line (:)"
        case .help: return "Help overlay (?)"
        case .confirmQuit: return "Quitting while jobs run (the y/n question)"
        }
    }
}

/// One row of the Keymap: in `mode`, any of `keys` runs `command`; `help` says what it does.
public struct KeymapEntry: Hashable, Sendable {
    public var mode: KeymapMode
    public var keys: [Key]
    public var command: Command
    public var help: String
    public init(_ mode: KeymapMode, _ keys: [Key], _ command: Command, _ help: String) {
        self.mode = mode; self.keys = keys; self.command = command; self.help = help
    }
}

/// The single table from keys to commands. Key handling, the `?` overlay and Docs/Keymap.md
/// all read it. The curve mode falls back to the normal table for keys it does not name.
public struct Keymap: Sendable {
    public var entries: [KeymapEntry]
    private var index: [KeymapMode: [Key: Command]]

    public init(entries: [KeymapEntry]) {
        self.entries = entries
        var idx: [KeymapMode: [Key: Command]] = [:]
        for e in entries { for k in e.keys where idx[e.mode, default: [:]][k] == nil { idx[e.mode, default: [:]][k] = e.command } }
        self.index = idx
    }

    /// The command `key` runs in `mode`, if any.
    public func command(for key: Key, in mode: KeymapMode) -> Command? {
        if let c = index[mode]?[key] { return c }
        if mode == .curve, let c = index[.normal]?[key] { return c }
        if mode == .insert || mode == .command, key.printable != nil { return index[mode]?[.anyPrintable] }
        return nil
    }

    /// Entries of one mode, in table order.
    public func entries(in mode: KeymapMode) -> [KeymapEntry] { entries.filter { $0.mode == mode } }

    /// The keys of an entry as help prints them: "h, ←".
    public static func keyList(_ keys: [Key]) -> String { keys.map(\.description).joined(separator: ", ") }

    /// The standard table.
    public static let standard = Keymap(entries: [
        .init(.normal, [.char("h"), .left], .previousShot, "select the previous shot"),
        .init(.normal, [.char("l"), .right], .nextShot, "select the next shot"),
        .init(.normal, [.char(",")], .previousFrame, "playhead one frame back"),
        .init(.normal, [.char(".")], .nextFrame, "playhead one frame forward"),
        .init(.normal, [.char("[")], .backSecond, "playhead one second back"),
        .init(.normal, [.char("]")], .forwardSecond, "playhead one second forward"),
        .init(.normal, [.char("g"), .home], .firstFrame, "playhead to the start of the sequence"),
        .init(.normal, [.char("G"), .end], .lastFrame, "playhead to the end of the sequence"),
        .init(.normal, [.char(" ")], .playPause, "play or pause the rendered frames at the project rate"),
        .init(.normal, [.char("+"), .char("=")], .zoomIn, "zoom the timeline in"),
        .init(.normal, [.char("-")], .zoomOut, "zoom the timeline out"),
        .init(.normal, [.char("z")], .zoomFit, "fit the whole sequence in the timeline"),
        .init(.normal, [.char("<")], .scrollLeft, "scroll the timeline left"),
        .init(.normal, [.char(">")], .scrollRight, "scroll the timeline right"),
        .init(.normal, [.tab], .nextPane, "focus the next pane"),
        .init(.normal, [.backTab], .previousPane, "focus the previous pane"),
        .init(.normal, [.char("j"), .down], .nextItem, "next item in the focused list (characters, lighting)"),
        .init(.normal, [.char("k"), .up], .previousItem, "previous item in the focused list"),
        .init(.normal, [.char("i"), .enter], .editPrompt, "edit the selected shot's prompt (insert mode)"),
        .init(.normal, [.char("c")], .openCurveEditor, "open the curve editor on the selected shot's camera"),
        .init(.normal, [.char("a")], .addShot, "add a shot after the selected one"),
        .init(.normal, [.char("D")], .deleteShot, "delete the selected shot (undoable)"),
        .init(.normal, [.char("H")], .moveShotEarlier, "move the selected shot one place earlier"),
        .init(.normal, [.char("L")], .moveShotLater, "move the selected shot one place later"),
        .init(.normal, [.char("r")], .renderShot, "render the selected shot (same as :render)"),
        .init(.normal, [.char("t")], .nextTake, "use the selected shot's next take"),
        .init(.normal, [.char("T")], .previousTake, "use the selected shot's previous take"),
        .init(.normal, [.char("x"), .ctrl("c")], .cancelJob, "cancel the selected shot's job (else the newest job)"),
        .init(.normal, [.char("u")], .undo, "undo the last edit (persistent, through the journal)"),
        .init(.normal, [.ctrl("r")], .redo, "redo the last undone edit"),
        .init(.normal, [.char(":")], .commandLine, "open the command line"),
        .init(.normal, [.char("?"), .function(1)], .toggleHelp, "show or hide this help"),
        .init(.normal, [.char("q")], .quit, "quit (every edit is already saved)"),

        .init(.insert, [.anyPrintable], .insertCharacter, "insert the character at the cursor"),
        .init(.insert, [.enter], .newline, "start a new line"),
        .init(.insert, [.backspace, .ctrl("h")], .deleteBackward, "delete the character before the cursor"),
        .init(.insert, [.delete, .ctrl("d")], .deleteForward, "delete the character under the cursor"),
        .init(.insert, [.ctrl("w")], .deleteWordBackward, "delete the word before the cursor"),
        .init(.insert, [.left], .cursorLeft, "cursor one character left"),
        .init(.insert, [.right], .cursorRight, "cursor one character right"),
        .init(.insert, [.ctrlLeft, .alt("b")], .wordLeft, "cursor to the start of the previous word"),
        .init(.insert, [.ctrlRight, .alt("f")], .wordRight, "cursor to the start of the next word"),
        .init(.insert, [.up], .lineUp, "cursor one line up"),
        .init(.insert, [.down], .lineDown, "cursor one line down"),
        .init(.insert, [.home, .ctrl("a")], .lineStart, "cursor to the start of the line"),
        .init(.insert, [.end, .ctrl("e")], .lineEnd, "cursor to the end of the line"),
        .init(.insert, [.escape, .ctrl("s")], .finishEdit, "keep the edit (one undoable change) and leave insert mode"),
        .init(.insert, [.ctrl("c")], .cancelEdit, "discard the edit and leave insert mode"),

        .init(.curve, [.char("n")], .nextKey, "select the next key"),
        .init(.curve, [.char("p")], .previousKey, "select the previous key"),
        .init(.curve, [.char("c")], .nextChannel, "show the next channel (position x/y/z, target x/y/z, roll, focal length)"),
        .init(.curve, [.char("C")], .previousChannel, "show the previous channel"),
        .init(.curve, [.char("h"), .left], .keyEarlier, "move the key one frame earlier"),
        .init(.curve, [.char("l"), .right], .keyLater, "move the key one frame later"),
        .init(.curve, [.char("H")], .keyEarlierCoarse, "move the key one second earlier"),
        .init(.curve, [.char("L")], .keyLaterCoarse, "move the key one second later"),
        .init(.curve, [.char("k"), .up], .keyUp, "raise the key's value by a fine step"),
        .init(.curve, [.char("j"), .down], .keyDown, "lower the key's value by a fine step"),
        .init(.curve, [.char("K")], .keyUpCoarse, "raise the key's value by a coarse step"),
        .init(.curve, [.char("J")], .keyDownCoarse, "lower the key's value by a coarse step"),
        .init(.curve, [.char("a")], .addKey, "add a key at the playhead"),
        .init(.curve, [.char("x"), .delete], .deleteKey, "delete the selected key"),
        .init(.curve, [.char("i")], .cycleInterpolation, "cycle the interpolation to the next key"),
        .init(.curve, [.char("e")], .cycleEasing, "cycle the easing (in, out, in-out)"),
        .init(.curve, [.char("t")], .cycleHandleType, "cycle the handle type (auto, auto-clamped, vector, aligned, free)"),
        .init(.curve, [.char("}")], .handleSteeper, "tilt the key's handles up"),
        .init(.curve, [.char("{")], .handleFlatter, "tilt the key's handles down"),
        .init(.curve, [.char(")")], .handleLonger, "lengthen the key's handles"),
        .init(.curve, [.char("(")], .handleShorter, "shorten the key's handles"),
        .init(.curve, [.char("P")], .applyPreset, "apply a camera preset (opens :preset)"),
        .init(.curve, [.escape], .leaveCurveEditor, "back to the timeline"),

        .init(.command, [.anyPrintable], .insertCharacter, "type into the command line"),
        .init(.command, [.enter], .execute, "run the command"),
        .init(.command, [.tab], .complete, "complete the command or argument (repeat to cycle)"),
        .init(.command, [.up], .historyPrevious, "previous command from history"),
        .init(.command, [.down], .historyNext, "next command from history"),
        .init(.command, [.backspace, .ctrl("h")], .deleteBackward, "delete the character before the cursor"),
        .init(.command, [.ctrl("w")], .deleteWordBackward, "delete the word before the cursor"),
        .init(.command, [.left], .cursorLeft, "cursor left"),
        .init(.command, [.right], .cursorRight, "cursor right"),
        .init(.command, [.home, .ctrl("a")], .lineStart, "cursor to the start"),
        .init(.command, [.end, .ctrl("e")], .lineEnd, "cursor to the end"),
        .init(.command, [.escape, .ctrl("c")], .cancelEdit, "close the command line"),

        .init(.help, [.escape, .char("?"), .char("q"), .function(1)], .closeHelp, "close the help"),
        .init(.help, [.char("j"), .down], .helpDown, "scroll the help down"),
        .init(.help, [.char("k"), .up], .helpUp, "scroll the help up"),
        .init(.help, [.pageDown, .char(" ")], .helpPageDown, "page the help down"),
        .init(.help, [.pageUp, .char("b")], .helpPageUp, "page the help up"),

        .init(.confirmQuit, [.char("y"), .char("Y")], .quitCancellingJobs, "yes: cancel the running jobs (work done is kept) and quit"),
        .init(.confirmQuit, [.char("n"), .char("N"), .escape], .keepWorking, "no: keep the jobs running and stay"),
    ])
}
