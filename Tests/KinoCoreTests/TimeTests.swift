import Testing
@testable import KinoCore

@Suite struct TimeTests {
    @Test func testRationalReducesAndKeepsSignInNumerator() {
        #expect(Rational(48000, 2002) == Rational(24000, 1001))
        #expect(Rational(3, -6).numerator == -1)
        #expect(Rational(3, -6).denominator == 2)
        #expect(Rational(1, 3) + Rational(1, 6) == Rational(1, 2))
        #expect(Rational(24000, 1001) < Rational(24))
    }

    @Test(arguments: [("24", Rational(24)), ("25", Rational(25)), ("23.976", Rational(24000, 1001)),
                      ("29.97", Rational(30000, 1001)), ("24000/1001", Rational(24000, 1001)), ("12.5", Rational(25, 2))])
    func testFrameRateParsesCommonSpellings(text: String, expected: Rational) throws {
        #expect(try FrameRate.parse(text).perSecond == expected)
    }

    @Test(arguments: ["0", "-24", "abc", "", "24/0", "1000", "NaN"])
    func testFrameRateRejectsNonsense(text: String) {
        #expect(throws: ValidationError.self) { try FrameRate.parse(text) }
    }

    @Test func testNTSCTimeIsExact() throws {
        let r = FrameRate.ntsc23_976
        // 24000 frames at 24000/1001 fps last exactly 1001 seconds.
        #expect(r.time(ofFrame: 24000) == Rational(1001))
        #expect(try r.frames(seconds: 1001) == 24000)
        #expect(try r.frames(seconds: 1) == 24)
        #expect(r.timecodeBase == 24)
    }

    @Test func testTimecodeAndParseTime() throws {
        let r = FrameRate.fps24
        #expect(r.timecode(frame: 24 * 61 + 5) == "00:01:01:05")
        #expect(try parseTime("2.5", rate: r) == 60)
        #expect(try parseTime("00:01:01:05", rate: r) == 24 * 61 + 5)
        #expect(try parseTime("1:30", rate: r) == 24 * 90)
        #expect(throws: ValidationError.self) { try parseTime("-1", rate: r) }
        #expect(throws: ValidationError.self) { try parseTime("00:00:01:30", rate: r) }
        #expect(throws: ValidationError.self) { try parseTime("soon", rate: r) }
    }

    @Test func testResolutionBounds() throws {
        #expect(try Resolution.parse("1280x720") == .hd720)
        #expect(throws: ValidationError.self) { try Resolution.parse("100000x100000") }
        #expect(throws: ValidationError.self) { try Resolution.parse("0x0") }
        #expect(throws: ValidationError.self) { try Resolution.parse("wide") }
    }

    @Test func testSHA256KnownVectors() {
        #expect(SHA256Digest.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Digest.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256Digest.hex(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}
