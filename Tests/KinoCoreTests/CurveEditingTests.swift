import Foundation
import Testing
@testable import KinoCore

/// Insert, move and remove keep the keys sorted with unique frames; curves survive JSON.
struct CurveEditingTests {
    func frames(_ c: AnimationCurve) -> [Double] { c.keys.map(\.frame) }

    @Test func initialiserSortsKeysAndKeepsTheLastOfADuplicateFrame() {
        let c = AnimationCurve(keys: [Keyframe(frame: 20, value: 1), Keyframe(frame: 5, value: 2),
                                      Keyframe(frame: 20, value: 3), Keyframe(frame: 10, value: 4)])
        #expect(frames(c) == [5, 10, 20])
        #expect(c.keys[2].value == 3)
    }

    @Test func insertPlacesKeysInFrameOrderAndReplacesOnTheSameFrame() {
        var c = AnimationCurve()
        #expect(c.insert(Keyframe(frame: 10, value: 1)) == 0)
        #expect(c.insert(Keyframe(frame: 30, value: 3)) == 1)
        #expect(c.insert(Keyframe(frame: 20, value: 2)) == 1)
        #expect(c.insert(Keyframe(frame: 0, value: 0)) == 0)
        #expect(frames(c) == [0, 10, 20, 30])
        #expect(c.insert(Keyframe(frame: 20, value: 9)) == 2)
        #expect(frames(c) == [0, 10, 20, 30])
        #expect(c.keys[2].value == 9)
    }

    @Test func removeKeyRecomputesTheNeighboursHandles() {
        var c = AnimationCurve(keys: [Keyframe(frame: 0, value: 0), Keyframe(frame: 10, value: 5), Keyframe(frame: 20, value: 10)])
        // The middle key of a straight ramp has slope 0.5.
        #expect(abs(c.keys[1].rightHandle.dv - 0.5 * 3.9041149371437496) < 1e-12)
        c.removeKey(at: 1)
        #expect(frames(c) == [0, 20])
        // Now both are end keys: flat, reaching 20/2.5614.
        #expect(abs(c.keys[0].rightHandle.dt - 20 / 2.5614) < 1e-12 && c.keys[0].rightHandle.dv == 0)
        #expect(abs(c.value(at: 10) - 5) < 1e-12)
    }

    @Test func moveKeyReturnsItsNewIndexAndKeepsOrder() {
        var c = AnimationCurve(keys: (0..<5).map { Keyframe(frame: Double($0 * 10), value: Double($0)) })
        let i = c.moveKey(at: 1, toFrame: 35, value: 7)
        #expect(i == 3)
        #expect(frames(c) == [0, 20, 30, 35, 40])
        #expect(c.keys[3].value == 7)
        let j = c.moveKey(at: 4, toFrame: -5, value: 1)
        #expect(j == 0)
        #expect(frames(c) == [-5, 0, 20, 30, 35])
    }

    @Test func movingOntoAnotherKeysFrameReplacesThatKey() {
        var c = AnimationCurve(keys: (0..<4).map { Keyframe(frame: Double($0 * 10), value: Double($0)) })
        let i = c.moveKey(at: 0, toFrame: 20, value: 100)
        #expect(frames(c) == [10, 20, 30])
        #expect(i == 1)
        #expect(c.keys[1].value == 100)
    }

    @Test func movedKeyCarriesItsUserHandles() {
        var c = AnimationCurve(keys: [Keyframe(frame: 0, value: 0), Keyframe(frame: 10, value: 5), Keyframe(frame: 20, value: 0)])
        c.setHandle(at: 1, side: .right, to: Handle(dt: 2, dv: 1))
        let before = c.keys[1]
        let i = c.moveKey(at: 1, toFrame: 12, value: 6)
        #expect(c.keys[i].rightHandle == before.rightHandle)
        #expect(c.keys[i].leftHandle == before.leftHandle)
        #expect(c.keys[i].handleType == .aligned)
    }

    @Test func randomEditSequencesKeepKeysSortedAndUnique() {
        var random = SeededRandom(seed: 2026)
        var c = AnimationCurve()
        for _ in 0..<2000 {
            let choice = random.next() % 4
            if choice < 2 || c.keys.isEmpty {
                c.insert(Keyframe(frame: Double(random.next() % 60), value: random.next(in: -3...3)))
            } else if choice == 2 {
                c.removeKey(at: Int(random.next() % UInt64(c.keys.count)))
            } else {
                let i = Int(random.next() % UInt64(c.keys.count))
                let f = Double(random.next() % 60)
                let moved = c.moveKey(at: i, toFrame: f, value: 1)
                #expect(c.keys[moved].frame == f)
            }
            let fs = frames(c)
            #expect(zip(fs, fs.dropFirst()).allSatisfy { $0 < $1 }, "keys out of order: \(fs)")
        }
    }

    @Test func setInterpolationChangesTheSegmentAfterTheKey() {
        var c = AnimationCurve(keys: [Keyframe(frame: 0, value: 0), Keyframe(frame: 10, value: 10)])
        c.setInterpolation(at: 0, .linear)
        #expect(c.value(at: 2.5) == 2.5)
        c.setInterpolation(at: 0, .quad, easing: .easeIn)
        #expect(c.value(at: 5) == 2.5)
        c.setInterpolation(at: 0, .constant)
        #expect(c.value(at: 9.9) == 0)
        #expect(c.keys[0].easing == .easeIn)
    }

    @Test func curveSurvivesAJSONRoundTripExactly() throws {
        var c = AnimationCurve(keys: [Keyframe(frame: 0, value: 0.1), Keyframe(frame: 7, value: 2.2, interpolation: .elastic, easing: .easeOut),
                                      Keyframe(frame: 13, value: -1.3, handleType: .vector), Keyframe(frame: 21.5, value: 4)])
        c.setHandle(at: 3, side: .left, to: Handle(dt: -1.7, dv: 0.3))
        let data = try JSONEncoder().encode(c)
        let back = try JSONDecoder().decode(AnimationCurve.self, from: data)
        #expect(back == c)
        #expect(String(decoding: data, as: UTF8.self).hasPrefix("{\"keys\":["))
    }

    @Test func decodingRestoresOrderAndComputesAutoHandles() throws {
        let json = """
        {"keys":[{"frame":10,"value":10,"interpolation":"bezier","easing":"in-out","handleType":"auto-clamped",
                  "leftHandle":{"dt":-1,"dv":0},"rightHandle":{"dt":1,"dv":0}},
                 {"frame":0,"value":0,"interpolation":"bezier","easing":"in-out","handleType":"auto-clamped",
                  "leftHandle":{"dt":-1,"dv":0},"rightHandle":{"dt":1,"dv":0}}]}
        """
        let c = try JSONDecoder().decode(AnimationCurve.self, from: Data(json.utf8))
        #expect(frames(c) == [0, 10])
        #expect(abs(c.value(at: 2.5) - 1.382844381521) < 1e-9)
    }
}
