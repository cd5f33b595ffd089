import Foundation
import Testing
@testable import KinoCore

/// Times and rates from any text or any Double: refused with a sentence, never trapped on
/// (FrameRate.swift trapped with "Double value cannot be converted to Int" above ~3.8e17 s).
@Suite struct FrameRateLimitTests {
    @Test(arguments: [1e308, 1e19, 3.8e17, -1e19, Double.infinity, -Double.infinity, Double.nan, Limits.maxSeconds + 1])
    func testFramesOfAnOutOfRangeTimeThrows(seconds: Double) {
        #expect(throws: ValidationError.self) { try FrameRate.fps24.frames(seconds: seconds) }
        #expect(throws: ValidationError.self) { try FrameRate.ntsc23_976.frames(seconds: seconds) }
    }

    @Test func testFramesWithinTheLimitAreExact() throws {
        #expect(try FrameRate.fps24.frames(seconds: Limits.maxSeconds) == 2_400_000_000)
        #expect(try FrameRate.fps24.frames(seconds: -2) == -48)
    }

    @Test(arguments: ["1e308", "1e19", "18446744073709551616", "5000000000000000000:00", "99999999999:00:00",
                      "1:1e300:00", "9999999999999999:00:00:00", "0x10", "inf", "nan", "+inf", "1e", ".", "1..2",
                      "1_000", "١٢", "-0x1p3", " 0x10"])
    func testParseTimeRefusesHugeHexAndNonNumbers(text: String) {
        #expect(throws: ValidationError.self) { try parseTime(text, rate: .fps24) }
    }

    @Test func testParseDecimalReadsOnlyPlainDecimals() {
        #expect(parseDecimal("2.5") == 2.5)
        #expect(parseDecimal("-1") == -1)
        #expect(parseDecimal("1e3") == 1000)
        #expect(parseDecimal(".5") == 0.5)
        #expect(parseDecimal("3.") == 3)
        for bad in ["0x10", "inf", "nan", "1e", "e3", "", "+", "1-2", "1e400", "1.2.3", "1 2"] {
            #expect(parseDecimal(bad) == nil, "\(bad)")
        }
    }

    @Test(arguments: ["1e308", "-9223372036854775808/1", "9223372036854775807/1", "1/9223372036854775807",
                      "24/-1", "0.5", "241", "0x18", "inf"])
    func testFrameRateParseRefusesRatesItCannotKeepExact(text: String) {
        #expect(throws: ValidationError.self) { try FrameRate.parse(text) }
    }

    @Test func testTimeOfAnyFrameNeverOverflows() {
        let r = FrameRate.ntsc23_976
        #expect(r.time(ofFrame: Int.max) == r.time(ofFrame: r.maxFrames))
        #expect(r.time(ofFrame: Int.min) == r.time(ofFrame: -r.maxFrames))
        #expect(r.seconds(frames: Int.max) <= Limits.maxSeconds)
        #expect(r.timecode(frame: Int.max).hasPrefix(""))
    }

    @Test func testDecodedFractionOfInt64MinIsRefused() {
        let json = #"{"num": -9223372036854775808, "den": -1}"#
        #expect(throws: (any Error).self) { try JSONDecoder().decode(Rational.self, from: Data(json.utf8)) }
    }
}
