import Foundation
import Testing
import KinoCore
@testable import KinoInterchange

@Suite struct TimecodeTests {
    @Test func dropFrameSkipsTwoFrameNumbersEachMinuteButNotTheTenth() throws {
        let tc = Timecode(rate: .ntsc29_97)
        #expect(try tc.string(0) == "00:00:00;00")
        #expect(try tc.string(1799) == "00:00:59;29")
        #expect(try tc.string(1800) == "00:01:00;02")
        #expect(try tc.string(3598) == "00:02:00;02")
        #expect(try tc.string(17981) == "00:09:59;29")
        #expect(try tc.string(17982) == "00:10:00;00")
        #expect(try tc.string(tc.oneHour) == "01:00:00;00")
        #expect(tc.oneHour == 107_892)
    }

    @Test func nonDropCountsAtTheNominalRate() throws {
        let tc = Timecode(rate: .ntsc23_976)
        #expect(!tc.isDropFrame)
        #expect(try tc.string(24 * 3600) == "01:00:00:00")
        #expect(try tc.string(47) == "00:00:01:23")
        #expect(throws: InterchangeError.self) { try tc.string(24 * 86_400) }
    }

    @Test func zipCRCIsTheIEEEPolynomial() {
        #expect(crc32(Data("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func aStoredZipReadsBackItsEntries() throws {
        var z = ZipArchive()
        z.add("version.txt", Data("1.0.0".utf8))
        z.add("content.otio", Data("{}".utf8))
        let back = try ZipArchive.read(try z.bytes(), file: "x.otioz")
        #expect(back.entries.map(\.name) == ["version.txt", "content.otio"])
        #expect(back.entries.map(\.data) == [Data("1.0.0".utf8), Data("{}".utf8)])
        #expect(throws: InterchangeError.self) { try ZipArchive.read(Data("not a zip at all, really not".utf8), file: "x.otioz") }
    }
}
