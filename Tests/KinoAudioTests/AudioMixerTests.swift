import Foundation
import KinoCore
import Testing
@testable import KinoAudio

/// A project of two shots (48 and 24 frames at 24 fps: 144,000 samples) and no sound yet.
func twoShotProject() throws -> Project {
    var p = Project(settings: ProjectSettings(name: "mix"))
    let (e, scene) = try p.addingScene(name: "one")
    try p.apply(e)
    for d in [48, 24] {
        let (s, _) = try p.addingShot { Shot(id: $0, sceneID: scene, prompt: "walk", duration: d) }
        try p.apply(s)
    }
    return p
}

/// Sources for tests: "dc:V" is a constant V, "ramp" rises 0…1 over the source.
func testSource(_ clip: AudioClip) throws -> StereoBuffer {
    guard case .file(let ref) = clip.source else { return StereoBuffer(silence: clip.sourceSamples) }
    if ref.path.hasPrefix("dc:"), let v = Float(ref.path.dropFirst(3)) {
        return StereoBuffer(mono: [Float](repeating: v, count: clip.sourceSamples))
    }
    return StereoBuffer(mono: (0..<clip.sourceSamples).map { Float($0) / Float(clip.sourceSamples) })
}

func add(_ p: inout Project, _ lane: AudioLaneKind, _ path: String, samples: Int, start: Int,
         _ change: (inout AudioClip) -> Void = { _ in }) throws -> AudioClipID {
    let (e, id) = try p.addingAudioClip(lane: lane) {
        var c = AudioClip(id: $0, source: .file(MediaReference(path: path, contentHash: "")), sourceSamples: samples, start: start)
        change(&c)
        return c
    }
    try p.apply(e)
    return id
}

@Suite struct AudioMixerTests {
    @Test func testTheMixIsExactlyDurationTimes48000Samples() throws {
        var p = try twoShotProject()
        _ = try add(&p, .effects, "dc:0.5", samples: 500_000, start: 60)   // runs past the end: cut
        let mix = try AudioMixer(project: p, source: testSource).mix()
        #expect(mix.count == 144_000)
        #expect(mix.left[120_000] == 0.5 && mix.left[143_999] == 0.5 && mix.left[119_999] == 0)
    }

    @Test func testAClipIsTrimmedGainedAndPlacedOnItsFrame() throws {
        var p = try twoShotProject()
        _ = try add(&p, .effects, "ramp", samples: 48_000, start: 12) { $0.inSample = 24_000; $0.gainDB = -6 }
        let mix = try AudioMixer(project: p, source: testSource).mix()
        let at = 12 * 2000, g = Gain.linear(dB: -6)
        #expect(mix.left[at - 1] == 0)
        #expect(mix.left[at] == 0.5 * g)
        #expect(mix.left[at + 12_000] == 0.75 * g)
        #expect(mix.left[at + 24_000] == 0, "the out point ends the clip")
        #expect(abs(g - 0.501) < 0.001)
    }

    @Test func testFadesRiseFromSilenceAndFallToSilenceWithoutCorners() throws {
        var p = try twoShotProject()
        _ = try add(&p, .effects, "dc:1", samples: 48_000, start: 0) { $0.fadeIn = 4_800; $0.fadeOut = 9_600 }
        let m = try AudioMixer(project: p, source: testSource).mix().left
        #expect(m[0] == 0)
        #expect(abs(m[2_400] - 0.5) < 1e-4)
        #expect(m[4_800] == 1 && m[38_399] == 1)
        #expect(abs(m[48_000 - 4_800] - 0.5) < 1e-3)
        #expect(m[47_999] < 1e-6 && m[48_000] == 0)
        // No step between neighbours bigger than a raised cosine's steepest slope.
        var worst: Float = 0
        for i in 1..<48_001 { worst = max(worst, abs(m[i] - m[i - 1])) }
        #expect(worst < Float.pi / 2 / 4_800 * 1.01)
    }

    @Test func testMusicIsDuckedUnderVoiceWithItsAttackAndRelease() throws {
        var p = try twoShotProject()
        _ = try add(&p, .music, "dc:1", samples: 144_000, start: 0)
        _ = try add(&p, .voice, "dc:0", samples: 24_000, start: 24)        // 48,000…72,000
        p = try p.applying(try p.updatingDucking { $0.amountDB = 12; $0.attackMs = 100; $0.releaseMs = 250 })
        let m = try AudioMixer(project: p, source: testSource).mix().left
        let down = Gain.linear(dB: -12)
        #expect(m[40_000] == 1, "well before the attack")
        #expect(abs(m[48_000] - down) < 1e-3, "already down when the voice starts (the attack leads it)")
        #expect(abs(m[60_000] - down) < 1e-6)
        #expect(abs(m[72_000 + 6_000] - Gain.linear(dB: -6)) < 0.01, "half-way through the release")
        #expect(m[72_000 + 12_001] == 1, "recovered after the release")
        #expect(m[45_600] > down && m[45_600] < 1, "on the way down")
        // Muting the voice lane lifts the duck.
        let muted = try p.applying(try p.updatingAudioLane(.voice) { $0.mute = true })
        #expect(try AudioMixer(project: muted, source: testSource).mix().left[60_000] == 1)
    }

    @Test func testMuteAndSoloDecideWhichLanesAreHeard() throws {
        var p = try twoShotProject()
        _ = try add(&p, .music, "dc:0.25", samples: 1_000, start: 0)
        _ = try add(&p, .effects, "dc:0.5", samples: 1_000, start: 0)
        p.audio.ducking.enabled = false
        #expect(try AudioMixer(project: p, source: testSource).mix().left[10] == 0.75)
        let solo = try p.applying(try p.updatingAudioLane(.effects) { $0.solo = true })
        #expect(try AudioMixer(project: solo, source: testSource).mix().left[10] == 0.5)
        let mute = try p.applying(try p.updatingAudioLane(.effects) { $0.mute = true; $0.gainDB = -6 })
        #expect(try AudioMixer(project: mute, source: testSource).mix().left[10] == 0.25)
        #expect(try AudioMixer(project: mute, source: testSource).stem(.effects).left[10] == 0.5 * Gain.linear(dB: -6))
    }

    @Test func testThePictureLaneFollowsItsShotWhenTheShotMovesOrChangesLength() throws {
        var p = try twoShotProject()
        let first = p.shots[0].id
        // Each shot's own sound is a constant naming it, longer than the shot.
        let own: (Shot) -> StereoBuffer? = { s in StereoBuffer(mono: [Float](repeating: s.id == first ? 0.1 : 0.2, count: 200_000)) }
        var m = try AudioMixer(project: p, source: testSource, pictureSound: own).mix().left
        #expect(m[0] == 0.1 && m[95_999] == 0.1 && m[96_000] == 0.2 && m.count == 144_000)
        p = try p.applying(try p.movingShot(first, to: 1))
        m = try AudioMixer(project: p, source: testSource, pictureSound: own).mix().left
        #expect(m[0] == 0.2 && m[47_999] == 0.2 && m[48_000] == 0.1 && m[143_999] == 0.1)
        p = try p.applying(try p.updatingShot(first) { $0.duration = 12 })
        m = try AudioMixer(project: p, source: testSource, pictureSound: own).mix().left
        #expect(m.count == 72_000 && m[48_000] == 0.1 && m[71_999] == 0.1)
    }

    @Test func testTheMixAndTheMusicBedAreDeterministic() throws {
        var p = try twoShotProject()
        let (e, _) = try p.addingAudioClip(lane: .music) {
            AudioClip(id: $0, source: .musicBed(seed: 3), sourceSamples: 144_000, start: 0, fadeIn: 4_800)
        }
        try p.apply(e)
        let bed: (AudioClip) throws -> StereoBuffer = { c in
            guard case .musicBed(let seed) = c.source else { return try testSource(c) }
            return MusicBed.render(seed: seed, count: c.sourceSamples)
        }
        let a = try AudioMixer(project: p, source: bed).mix(), b = try AudioMixer(project: p, source: bed).mix()
        #expect(a == b)
        #expect(a.peak > 0.05 && a.peak < 1, "peak \(a.peak)")
        #expect(MusicBed.render(seed: 3, count: 10_000) != MusicBed.render(seed: 4, count: 10_000))
    }
}
