import Testing
@testable import KinoEditor

@Suite struct TextBufferTests {
    @Test func cursorCountsGraphemesNotBytes() {
        var b = TextBuffer("né👩‍👩‍👧x")
        #expect(b.characters.count == 4)
        b.moveLeft(); b.deleteBackward()
        #expect(b.text == "néx")
    }

    @Test func wordMotionsSkipPunctuationAndSpaces() {
        var b = TextBuffer("a red-coat,  walks", cursor: 0)
        b.wordRight(); #expect(b.cursor == 2)
        b.wordRight(); #expect(b.cursor == 6)
        b.wordRight(); #expect(b.cursor == 13)
        b.wordLeft(); #expect(b.cursor == 6)
        b.moveTo(18); b.deleteWordBackward()
        #expect(b.text == "a red-coat,  ")
    }

    @Test func linesMoveUpAndDownKeepingTheColumn() {
        var b = TextBuffer("abcdef\nxy\nlonger line", cursor: 4)
        b.moveLineDown(); #expect(b.cursor == 9)       // clamped to the end of "xy"
        b.moveLineDown(); #expect(b.cursor == 12)
        b.moveLineUp(); b.moveLineUp(); #expect(b.cursor == 2)
        b.moveLineEnd(); #expect(b.cursor == 6)
        b.moveLineStart(); #expect(b.cursor == 0)
    }

    @Test func wrapRangesBreakAtSpacesAndNewlines() {
        let chars = Array("one two three\nfour")
        let lines = wrapRanges(chars, width: 8).map { String(chars[$0]) }
        #expect(lines == ["one two ", "three", "four"])
    }
}
