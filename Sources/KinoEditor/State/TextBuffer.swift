/// Text being edited, as graphemes with a cursor: the prompt in insert mode and the command
/// line. Cursor positions count graphemes (what a person sees as one character), so UTF-8
/// text with accents, CJK or emoji moves and deletes as whole characters.
public struct TextBuffer: Hashable, Sendable {
    public private(set) var characters: [Swift.Character]
    /// 0…characters.count.
    public private(set) var cursor: Int

    public init(_ text: String = "", cursor: Int? = nil) {
        characters = Array(text)
        self.cursor = min(max(0, cursor ?? characters.count), characters.count)
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    public mutating func insert(_ c: Swift.Character) { characters.insert(c, at: cursor); cursor += 1 }
    public mutating func insert(_ s: String) { for c in s { insert(c) } }
    public mutating func setText(_ s: String) { characters = Array(s); cursor = characters.count }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1); cursor -= 1
    }
    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }
    public mutating func deleteWordBackward() {
        let start = wordStart(before: cursor)
        characters.removeSubrange(start..<cursor); cursor = start
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveTo(_ i: Int) { cursor = min(max(0, i), characters.count) }

    /// To the start of the word before the cursor (skipping separators first).
    public mutating func wordLeft() { cursor = wordStart(before: cursor) }
    /// To the start of the next word.
    public mutating func wordRight() {
        var i = cursor
        while i < characters.count, Self.isWord(characters[i]) { i += 1 }
        while i < characters.count, !Self.isWord(characters[i]) { i += 1 }
        cursor = i
    }

    private func wordStart(before position: Int) -> Int {
        var i = position
        while i > 0, !Self.isWord(characters[i - 1]) { i -= 1 }
        while i > 0, Self.isWord(characters[i - 1]) { i -= 1 }
        return i
    }

    static func isWord(_ c: Swift.Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "'" }

    // Lines (split at "\n").

    /// Start index of the line holding `position`.
    func lineStart(_ position: Int) -> Int {
        var i = position
        while i > 0, characters[i - 1] != "\n" { i -= 1 }
        return i
    }
    func lineEnd(_ position: Int) -> Int {
        var i = position
        while i < characters.count, characters[i] != "\n" { i += 1 }
        return i
    }
    public mutating func moveLineStart() { cursor = lineStart(cursor) }
    public mutating func moveLineEnd() { cursor = lineEnd(cursor) }

    /// One line up, keeping the column where the line is long enough.
    public mutating func moveLineUp() {
        let start = lineStart(cursor)
        guard start > 0 else { cursor = 0; return }
        let column = cursor - start
        let prevStart = lineStart(start - 1)
        cursor = min(prevStart + column, start - 1)
    }
    /// One line down, keeping the column where the line is long enough.
    public mutating func moveLineDown() {
        let end = lineEnd(cursor)
        guard end < characters.count else { cursor = characters.count; return }
        let column = cursor - lineStart(cursor)
        let nextStart = end + 1
        cursor = min(nextStart + column, lineEnd(nextStart))
    }
}
