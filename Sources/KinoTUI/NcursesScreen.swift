import CNcurses
import Foundation
import KinoCore
import KinoEditor

/// What the terminal sent: a key, a click, a wheel turn, or a new size.
enum TerminalInput: Sendable {
    case key(Key)
    case click(MouseClick)
    case wheel(up: Bool)
    case resize(TerminalSize)
}

/// The ncurses screen: the only type that calls ncurses. It flushes CellGrids (touching only
/// cells that changed since the last flush) and turns wide-character input into Keys.
/// Used from the UI thread only.
final class NcursesScreen {
    /// A parent may start us with SIGWINCH ignored or signals blocked (test runners, some
    /// launchers); both are inherited across exec and would stop resizes from reaching curses.
    /// Curses installs its resize handler only over the default disposition.
    static func resetInheritedSignals() {
        var all = sigset_t()
        sigemptyset(&all)
        for sig in [SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGCONT, SIGTSTP] { sigaddset(&all, sig) }
        sigprocmask(SIG_UNBLOCK, &all, nil)
        signal(SIGWINCH, SIG_DFL)
    }

    private var previous: CellGrid?
    private var colors: ColorPairs
    private var ctrlLeft: Int32 = 0, ctrlRight: Int32 = 0
    private(set) var isOpen = false

    /// Starts curses on the controlling terminal: locale first (wide characters), raw keys,
    /// keypad, mouse, default colours, a short ESC delay (so Esc and alt-keys both work).
    /// With `terminal`, curses draws to that pty instead (the benchmark's screen).
    init(terminal: (type: String, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>)? = nil) {
        setlocale(LC_ALL, "")
        if terminal == nil { NcursesScreen.resetInheritedSignals() }
        if let t = terminal {
            let screen = newterm(t.type, t.output, t.input)
            set_term(screen)
        } else {
            initscr()
        }
        raw()
        noecho()
        nonl()
        keypad(kino_stdscr(), true)
        set_escdelay(25)
        if has_colors() {
            start_color()
            use_default_colors()
        }
        colors = ColorPairs(colorCount: Int(kino_colors()), pairCount: Int(kino_color_pairs()))
        mousemask(kino_mouse_mask(), nil)
        mouseinterval(0)
        curs_set(0)
        ctrlLeft = Int32(kino_extended_key("kLFT5"))
        ctrlRight = Int32(kino_extended_key("kRIT5"))
        isOpen = true
    }

    /// Gives the terminal back as it was.
    func close() {
        guard isOpen else { return }
        isOpen = false
        mousemask(0, nil)
        curs_set(1)
        endwin()
    }

    /// How many colours the terminal has (8 for TERM=xterm, 256, or 2^24 for direct colour).
    var colorCount: Int { colors.colorCount }

    var size: TerminalSize { TerminalSize(cols: Int(kino_cols()), rows: Int(kino_lines())) }

    /// Draws the grid. Only cells that differ from the last flush are sent to curses; curses
    /// in turn sends only what differs from the terminal's contents.
    func flush(_ grid: CellGrid, usesColor: Bool) {
        let full = previous.map { $0.width != grid.width || $0.height != grid.height } ?? true
        if full { erase() }
        var wide = [wchar_t](repeating: 0, count: 8)
        var prev = full ? nil : previous
        var lastStyle: CellStyle?
        var attrs: attr_t = 0
        var pair: Int32 = 0
        for row in 0..<grid.height {
            for col in 0..<grid.width {
                let cell = grid[col, row]
                if cell.isContinuation { continue }
                if let p = prev, p[col, row] == cell { continue }
                // The bottom-right cell would scroll the screen on some terminals; skip it.
                if row == grid.height - 1 && col == grid.width - 1 { continue }
                var n = 0
                for scalar in cell.text.unicodeScalars where n < 7 { wide[n] = wchar_t(bitPattern: scalar.value); n += 1 }
                if n == 0 { wide[0] = 32; n = 1 }
                wide[n] = 0
                // Runs of cells share a style: resolve attributes and colour pair once per run.
                if cell.style != lastStyle {
                    lastStyle = cell.style
                    attrs = 0
                    let a = cell.style.attributes
                    if a.contains(.bold) { attrs |= kino_a_bold() }
                    if a.contains(.dim) { attrs |= kino_a_dim() }
                    if a.contains(.italic) { attrs |= kino_a_italic() }
                    if a.contains(.underline) { attrs |= kino_a_underline() }
                    if a.contains(.reverse) { attrs |= kino_a_reverse() }
                    pair = usesColor ? colors.pair(fg: cell.style.fg, bg: cell.style.bg) : 0
                    if colors.wasReset { prev = nil; colors.wasReset = false }
                }
                _ = kino_put_cell(Int32(row), Int32(col), wide, attrs, pair)
            }
        }
        if let c = grid.cursor {
            curs_set(1)
            move(Int32(c.row), Int32(c.col))
        } else {
            curs_set(0)
        }
        refresh()
        previous = grid
    }

    /// Forgets what is on screen so the next flush redraws everything.
    func invalidate() { previous = nil; clearok(kino_stdscr(), true) }

    /// Waits up to `timeoutMs` for input; nil on timeout.
    func read(timeoutMs: Int32) -> TerminalInput? {
        wtimeout(kino_stdscr(), timeoutMs)
        var ch: wint_t = 0
        let r = wget_wch(kino_stdscr(), &ch)
        if r == ERR { return nil }
        if r == kino_key_code_yes() {
            let code = Int32(ch)
            if code == kino_key_resize() { return .resize(size) }
            if code == kino_key_mouse() {
                var x: Int32 = 0, y: Int32 = 0
                var state: mmask_t = 0
                guard kino_get_mouse(&x, &y, &state) == OK else { return nil }
                if kino_mouse_is_wheel_up(state) != 0 { return .wheel(up: true) }
                if kino_mouse_is_wheel_down(state) != 0 { return .wheel(up: false) }
                if kino_mouse_is_press(state) != 0 { return .click(MouseClick(col: Int(x), row: Int(y))) }
                return nil
            }
            return specialKey(code).map { .key($0) }
        }
        // A character (OK).
        let value = UInt32(ch)
        switch value {
        case 27:
            // Esc alone, or Alt+key when another byte follows at once.
            wtimeout(kino_stdscr(), 0)
            var next: wint_t = 0
            if wget_wch(kino_stdscr(), &next) == OK, let s = Unicode.Scalar(UInt32(next)), UInt32(next) >= 32 {
                if s == "[" || s == "O" { return escapeSequence(introducer: Swift.Character(s)).map { .key($0) } }
                return .key(.alt(Swift.Character(s)))
            }
            return .key(.escape)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 127, 8: return .key(.backspace)
        case 1...26: return .key(.ctrl(Swift.Character(Unicode.Scalar(value + 96)!)))
        default:
            guard let s = Unicode.Scalar(value) else { return nil }
            return .key(.char(Swift.Character(s)))
        }
    }

    /// Reads the rest of an escape sequence curses did not recognise (terminfo and terminal
    /// disagreeing, as inside tmux) and maps the usual ones; the others are dropped whole
    /// instead of arriving as typed text.
    private func escapeSequence(introducer: Swift.Character) -> Key? {
        var body = ""
        for _ in 0..<16 {
            var ch: wint_t = 0
            guard wget_wch(kino_stdscr(), &ch) == OK, let s = Unicode.Scalar(UInt32(ch)) else { break }
            body.append(Swift.Character(s))
            if (0x40...0x7E).contains(s.value) { break }
        }
        switch body {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H", "1~", "7~": return .home
        case "F", "4~", "8~": return .end
        case "3~": return .delete
        case "5~": return .pageUp
        case "6~": return .pageDown
        case "Z": return .backTab
        case "1;5D": return .ctrlLeft
        case "1;5C": return .ctrlRight
        case "P": return introducer == "O" ? .function(1) : nil
        default: return nil
        }
    }

    private func specialKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        default:
            if code == ctrlLeft && code != 0 { return .ctrlLeft }
            if code == ctrlRight && code != 0 { return .ctrlRight }
            for n in 1...12 where code == kino_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }
}
