import Foundation
import Testing
@testable import KinoInterchange
import KinoCore

@Suite struct JSONValueTests {
    @Test func parsesAndWritesBackKeepingMemberOrderAndNumberKinds() throws {
        let text = #"{"b": 1, "a": [true, null, 2.5, "x\n\u00e9"], "c": {"z": -3, "y": 1e2}}"#
        let v = try JSONValue.parse(Data(text.utf8), file: "t.json")
        guard case .object(let members) = v else { Issue.record("not an object"); return }
        #expect(members.map(\.0) == ["b", "a", "c"])
        #expect(v["b"] == .int(1))
        #expect(v["c"]?["y"] == .double(100))
        #expect(v["a"]?.array?[3] == .string("x\né"))
        let again = try JSONValue.parse(Data(v.serialized().utf8), file: "t.json")
        #expect(again == v)
    }

    @Test func rateDoublesRoundTripExactly() throws {
        let d = 24000.0 / 1001.0
        #expect(JSONValue.format(d) == "23.976023976023978")
        #expect(exactRate(d) == Rational(24000, 1001))
        #expect(exactRate(30000.0 / 1001.0) == Rational(30000, 1001))
        #expect(exactRate(25) == Rational(25))
    }

    @Test func refusesTextThatIsNotJSON() {
        #expect(throws: InterchangeError.self) { try JSONValue.parse(Data("{\"a\": ".utf8), file: "cut.otio") }
        do { _ = try JSONValue.parse(Data("hello".utf8), file: "cut.otio"); Issue.record("parsed") } catch {
            #expect(error.localizedDescription.hasPrefix("cut.otio is not JSON"))
        }
    }
}
