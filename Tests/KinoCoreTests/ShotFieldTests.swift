import Foundation
import Testing
@testable import KinoCore

/// A shot with every field at a plain value, and one that differs from it in every field.
enum ShotSamples {
    static let base = Shot(id: "sh1", sceneID: "sc1", name: "A", prompt: "a car", duration: 24, seed: 1)
    static let other = Shot(
        id: "sh2", sceneID: "sc2", name: "B", prompt: "a woman walks in the rain", duration: 48, seed: UInt64.max - 3,
        cast: [CastMember(characterID: "ch1", blocking: "walks left to right")],
        camera: CameraPath.preset(.orbit, frames: 48, frameRate: .fps24), cameraPreset: .orbit, cameraIsExplicit: true,
        startImage: MediaReference(path: "/tmp/start.png", contentHash: "ab12"),
        sourceVideo: VideoSource(media: MediaReference(path: "/tmp/clip.mp4", contentHash: "cd34"), inFrame: 3, outFrame: 40,
                                 clipFrameRate: Rational(30000, 1001)),
        lightingID: "lt1", currentTakeID: "tk3")
}

@Suite struct ShotFieldTests {
    /// Adding a stored property to Shot without a row in ShotField.all fails here.
    @Test func everyStoredPropertyOfShotIsInTheFieldTableOnce() {
        let properties = Mirror(reflecting: ShotSamples.base).children.compactMap(\.label)
        let names = ShotField.all.map(\.name)
        #expect(Set(properties) == Set(names))
        #expect(names.count == Set(names).count)
        #expect(properties.count == names.count)
        #expect(Set(ShotField.all.map(\.column)).count == names.count)
    }

    @Test func theSamplesDifferInEveryField() {
        for f in ShotField.all { #expect(f.differs(ShotSamples.base, ShotSamples.other), "sample shots agree on \(f.name)") }
    }

    /// Each field alone: copy, column coding, journal coding and the input hash agree.
    @Test func eachFieldRoundTripsThroughItsColumnAndTheJournalAndCountsInTheInputsByItsRole() throws {
        let base = ShotSamples.base
        for f in ShotField.all {
            var changed = base
            f.copy(ShotSamples.other, &changed)
            for g in ShotField.all where g.name != f.name {
                #expect(!g.differs(changed, base), "copying \(f.name) changed \(g.name)")
            }
            var fromColumn = base
            try f.readColumn(&fromColumn, try f.columnValue(changed))
            #expect(fromColumn == changed, "\(f.name) does not round-trip through column \(f.column)")

            let fragment = try JSONSerialization.jsonObject(with: Data(try f.journalJSON(changed).utf8), options: [.fragmentsAllowed])
            var fromJournal = base
            try f.readJournal(&fromJournal, fragment)
            #expect(fromJournal == changed, "\(f.name) does not round-trip through the journal")

            let a = ShotInputs(shot: base, characters: [], lighting: nil, environment: "", frameRate: .fps24)
            let b = ShotInputs(shot: changed, characters: [], lighting: nil, environment: "", frameRate: .fps24)
            #expect((a != b) == f.isHashed, "\(f.name): role \(f.role) but inputs \(a == b ? "equal" : "differ")")
        }
    }

    @Test func aBadColumnValueIsAnErrorNamingTheColumn() {
        var s = ShotSamples.base
        let duration = ShotField.byName["duration"]!
        #expect(throws: FieldCodingError.self) { try duration.readColumn(&s, .text("long")) }
        do { try duration.readColumn(&s, .text("long")) } catch { #expect(error.localizedDescription.contains("duration")) }
        #expect(s == ShotSamples.base)
        #expect(throws: FieldCodingError.self) { try ShotField.byName["cameraPreset"]!.readColumn(&s, .text("swirl")) }
    }

    @Test func editLabelsNameTheChangedFieldsOnce() {
        var b = ShotSamples.base
        b.prompt = "x"; b.seed = 9
        #expect(ShotField.changedLabels(ShotSamples.base, b) == "prompt, seed")
        var c = ShotSamples.base
        c.cameraPreset = .pan; c.cameraIsExplicit = true
        #expect(Edit.updateShot(old: ShotSamples.base, new: c).label == "change camera of shot sh1")
        #expect(ShotField.changedLabels(b, b) == "nothing")
    }
}

@Suite struct CameraPathBinaryTests {
    @Test func everyPresetRoundTripsExactly() throws {
        for preset in CameraPreset.allCases {
            let path = CameraPath.preset(preset, frames: 96, frameRate: .fps24, intensity: 1.3, seed: 5)
            #expect(try CameraPath(binary: path.binaryEncoded()) == path, "\(preset)")
        }
        #expect(try CameraPath(binary: CameraPath.standard.binaryEncoded()) == .standard)
    }

    /// A new enum case without a code would crash encoding; this fails first.
    @Test func everyEnumValueHasACodeAndRoundTrips() throws {
        #expect(Set(CameraPath.channelCodes) == Set(CameraChannel.allCases))
        #expect(Set(CameraPath.interpolationCodes) == Set(Interpolation.allCases))
        #expect(Set(CameraPath.easingCodes) == Set(EasingMode.allCases))
        #expect(Set(CameraPath.handleCodes) == Set(HandleType.allCases))
        var keys: [Keyframe] = []
        var f = 0.0
        for i in Interpolation.allCases { for e in EasingMode.allCases { for h in HandleType.allCases {
            keys.append(Keyframe(frame: f, value: sin(f) * 3, interpolation: i, easing: e, handleType: h,
                                 leftHandle: Handle(dt: -2.5, dv: 0.25), rightHandle: Handle(dt: 1.5, dv: -0.75)))
            f += 2.5
        } } }
        var path = CameraPath.standard
        path[.roll] = AnimationCurve(keys: keys)
        path[.focalLength] = AnimationCurve(keys: [])
        #expect(try CameraPath(binary: path.binaryEncoded()) == path)
    }

    @Test func malformedKeysAreRefusedWithAReason() {
        let good = [UInt8](CameraPath.preset(.orbit, frames: 48, frameRate: .fps24).binaryEncoded())
        var nan = good
        // The first key's value (after magic, version, count, channel code and key count).
        withUnsafeBytes(of: Double.nan.bitPattern.littleEndian) { nan.replaceSubrange(19..<27, with: $0) }
        var badVersion = good
        badVersion[4] = 9
        for (bytes, reason) in [(Array(good.prefix(good.count - 1)), "ends early"), (Array("JSON".utf8) + good.dropFirst(4), "KCAM"),
                                (good + [0], "follow"), (badVersion, "version"), (nan, "finite"), ([], "ends early")] {
            do {
                _ = try CameraPath(binary: Data(bytes))
                Issue.record("accepted bytes that should fail: \(reason)")
            } catch {
                #expect(error.localizedDescription.contains(reason), "\(error.localizedDescription)")
            }
        }
    }
}
