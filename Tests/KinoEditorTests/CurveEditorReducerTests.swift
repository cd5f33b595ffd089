import Testing
import KinoCore
@testable import KinoEditor

@Suite struct CurveEditorReducerTests {
    /// The sample's third shot has a dolly on position.z: keys at 0, 47, 95.
    func walkState() -> EditorState {
        var s = sampleState()
        send(&s, .key(.char("l")), .key(.char("l")), .key(.char("c")))
        return s
    }

    @Test func openingTheCurveEditorShowsTheAnimatedChannel() {
        let s = walkState()
        #expect(s.mode == .curve)
        #expect(s.focus == .curves)
        #expect(s.curve == CurveSelection(channel: .positionZ, key: 0))
    }

    @Test func keysMoveInTimeAndValueByFineAndCoarseSteps() {
        var s = walkState()
        send(&s, .key(.char("n")))
        #expect(s.curve.key == 1)
        send(&s, .key(.char("l")))
        #expect(s.selected?.camera[.positionZ].keys[1].frame == 48)
        send(&s, .key(.char("H")))
        #expect(s.selected?.camera[.positionZ].keys[1].frame == 24)
        send(&s, .key(.char("k")))
        #expect(abs((s.selected?.camera[.positionZ].keys[1].value ?? 0) - 4.05) < 1e-9)
        send(&s, .key(.char("J")))
        #expect(abs((s.selected?.camera[.positionZ].keys[1].value ?? 0) - 3.55) < 1e-9)
        send(&s, .key(.down), .key(.up), .key(.char("K")), .key(.char("h")), .key(.char("L")), .key(.left))
        #expect(s.selected?.camera[.positionZ].keys[1].frame == 46)
        #expect(s.message?.text.contains("position.z key 2/3 at frame 46") == true)
    }

    @Test func aKeyCannotLandOnAnotherKey() {
        var s = walkState()
        s.selected.map { _ in }
        send(&s, .key(.char("n")))
        for _ in 0..<2 { send(&s, .key(.char("L"))) }
        // 47 + 24 = 71, then 95 is taken.
        #expect(s.selected?.camera[.positionZ].keys[1].frame == 71)
        #expect(s.message?.isError == true)
    }

    @Test func addAndDeleteKeys() {
        var s = walkState()
        send(&s, .key(.char("]")))           // playhead one second into the shot (normal keys still work)
        send(&s, .key(.char("a")))
        #expect(s.selected?.camera[.positionZ].keys.map(\.frame) == [0, 24, 47, 95])
        #expect(s.curve.key == 1)
        send(&s, .key(.char("x")))
        #expect(s.selected?.camera[.positionZ].keys.map(\.frame) == [0, 47, 95])
        send(&s, .key(.char("c")), .key(.char("x")))
        #expect(s.curve.channel == .targetX)
        #expect(s.message?.text.contains("at least one key") == true)
    }

    @Test func interpolationEasingAndHandleTypeCycle() {
        var s = walkState()
        send(&s, .key(.char("i")))
        #expect(s.selected?.camera[.positionZ].keys[0].interpolation == .sine)
        send(&s, .key(.char("e")))
        #expect(s.selected?.camera[.positionZ].keys[0].easing == .easeIn)
        send(&s, .key(.char("t")))
        #expect(s.selected?.camera[.positionZ].keys[0].handleType == .vector)
    }

    @Test func handlesMoveByKeyboard() {
        var s = walkState()
        send(&s, .key(.char("n")))
        let before = s.selected!.camera[.positionZ].keys[1].rightHandle
        send(&s, .key(.char("}")))
        let after = s.selected!.camera[.positionZ].keys[1]
        #expect(after.rightHandle.dv > before.dv)
        #expect(after.handleType == .aligned || after.handleType == .free)
        send(&s, .key(.char(")")))
        #expect(s.selected!.camera[.positionZ].keys[1].rightHandle.dt > after.rightHandle.dt)
        send(&s, .key(.char("(")), .key(.char("{")))
        #expect(s.selected!.camera[.positionZ].keys[1].rightHandle.dv < s.selected!.camera[.positionZ].keys[1].rightHandle.dv + 1)
    }

    @Test func channelsCycleBothWaysAndPresetOpensTheCommandLine() {
        var s = walkState()
        send(&s, .key(.char("C")))
        #expect(s.curve.channel == .positionY)
        send(&s, .key(.char("P")))
        #expect(s.mode == .command)
        #expect(s.commandLine.buffer.text == "preset ")
        for a in typeKeys("truck") { send(&s, a) }
        send(&s, .key(.enter))
        #expect(s.mode == .curve)
        #expect(s.selected?.cameraPreset == .truck)
        send(&s, .key(.escape))
        #expect(s.mode == .normal && s.focus == .timeline)
    }

    @Test func curveEditsAreOneUndoableEditEach() {
        var s = walkState()
        let effects = send(&s, .key(.char("k")))
        #expect(effects.filter { if case .applyEdit(.updateShot) = $0 { return true }; return false }.count == 1)
    }
}
