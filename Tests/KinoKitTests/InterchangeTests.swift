import Foundation
import Testing
import KinoCore
import KinoKit

/// A project at 23.976 fps in two scenes with a marker: the cut every interchange test hands over.
private func cutProject(_ dir: TempFolder, fps: FrameRate = .ntsc23_976, seconds: [Double] = [1, 0.5, 0.75]) throws -> ProjectSession {
    let s = try smallProject(at: dir.file("film.kino"), shots: [("Ana walks in a living room", seconds[0]), ("a red ball on a table", seconds[1])],
                             size: "160x90", fps: fps)
    var second: SceneID!
    try s.apply { p in let (e, id) = try p.addingScene(name: "garden", environment: "a garden at dusk"); second = id; return e }
    try s.apply { p in try p.addingShot({ Shot(id: $0, sceneID: second, name: "closing", prompt: "a tree in the rain", duration: fps.frames(seconds: seconds[2]), seed: 77) }).0 }
    try s.apply { p in .group(label: "marker", edits: [.insertMarker(Marker(id: p.allocateIDCopy(), frame: 5, label: "beat"), at: 0), .advanceIDs(from: p.nextIDNumber, to: p.nextIDNumber + 1)]) }
    return s
}

extension Project {
    /// The id the next allocation hands out, without changing the project.
    func allocateIDCopy<ID: KinoID>() -> ID { var c = self; return c.allocateID() }
}

private func renderAll(_ s: ProjectSession) throws {
    for shot in s.project.shots { _ = try s.render(shot: shot.id, quality: .full) }
}

@Suite(.serialized) struct InterchangeTests {
    @Test func otioExportIsReadByOpenTimelineIOWithTheProjectsNamesRangesAndRates() throws {
        let dir = TempFolder()
        let s = try cutProject(dir)
        defer { s.close() }
        let result = try s.exportInterchange(to: dir.file("cut.otio"))
        #expect(result.format == "otio")
        #expect(result.mediaFiles.count == 3)
        let read = try readWithOpenTimelineIO(dir.file("cut.otio"))
        let clips = read["clips"] as! [[String: Any]]
        let p = s.project
        #expect(clips.count == p.shots.count)
        #expect(read["video_tracks"] as? Int == 1)
        for (clip, shot) in zip(clips, p.shots) {
            let range = clip["range"] as! [String: Any]
            #expect(clip["name"] as? String == shot.title)
            #expect(range["start"] as? Double == 0)
            #expect(range["duration"] as? Double == Double(shot.duration))
            #expect(range["rate"] as? String == "\(24000.0 / 1001.0)")
            #expect(range["drate"] as? String == "\(24000.0 / 1001.0)")
            #expect(clip["rate_is_exact_24000_1001"] as? Bool == true)
            #expect(clip["media"] as? String == "ExternalReference")
            let url = clip["url"] as! String
            #expect(url == "file://" + dir.file("cut_media/\(shot.id.raw).mov"))
            #expect(FileManager.default.fileExists(atPath: String(url.dropFirst(7))))
            let kino = clip["kino"] as! [String: Any]
            let take = s.takes(of: shot.id).first { $0.id == shot.currentTakeID }!
            #expect(kino["shot_id"] as? String == shot.id.raw)
            #expect(kino["seed"] as? String == String(shot.seed))
            #expect(kino["prompt"] as? String == shot.prompt)
            #expect(kino["take_id"] as? String == take.id.raw)
            #expect(kino["input_hash"] as? String == take.inputHash)
            #expect(kino["engine"] as? String == take.engine)
        }
        let markers = read["markers"] as! [[String: Any]]
        #expect(markers.map { $0["name"] as? String } == ["main", "garden", "beat"])
        #expect(markers.map { $0["frame"] as? Double } == [0, Double(p.shotStarts[2]), 5])
    }

    @Test func pngMediaIsAnImageSequenceAndAnOtiozBundleHoldsItsMovies() throws {
        let dir = TempFolder()
        let s = try cutProject(dir)
        defer { s.close() }
        try s.exportInterchange(to: dir.file("frames.otio"), media: .png)
        let read = try readWithOpenTimelineIO(dir.file("frames.otio"))
        for (clip, shot) in zip(read["clips"] as! [[String: Any]], s.project.shots) {
            #expect(clip["media"] as? String == "ImageSequenceReference")
            let folder = dir.file("frames_media/\(shot.id.raw)")
            #expect(clip["url"] as? String == "file://" + folder + "/")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == shot.duration)
        }
        try s.exportInterchange(to: dir.file("cut.otioz"), media: .h264)
        let bundle = try readWithOpenTimelineIO(dir.file("cut.otioz"))
        #expect((bundle["clips"] as! [[String: Any]]).map { $0["url"] as? String } == s.project.shots.map { "media/\($0.id.raw).mp4" })
        let names = try run(referencePython, ["-c", "import zipfile,sys; print(' '.join(zipfile.ZipFile(sys.argv[1]).namelist())); zipfile.ZipFile(sys.argv[1]).testzip()", dir.file("cut.otioz")])
        #expect(names.out.trimmingCharacters(in: .whitespacesAndNewlines)
                == (["version.txt", "content.otio"] + s.project.shots.map { "media/\($0.id.raw).mp4" }).joined(separator: " "))
        #expect(!FileManager.default.fileExists(atPath: dir.file("cut_media")))
        #expect(throws: (any Error).self) { try s.exportInterchange(to: dir.file("b.otioz"), media: .png) }
    }

    @Test func roundTripKinoToOTIOToKinoGivesBackTheSameProject() throws {
        let dir = TempFolder()
        let s = try cutProject(dir)
        defer { s.close() }
        try renderAll(s)
        try s.exportInterchange(to: dir.file("cut.otio"), media: .none)
        let read = try readWithOpenTimelineIO(dir.file("cut.otio"))
        #expect((read["clips"] as! [[String: Any]]).allSatisfy { $0["media"] as? String == "MissingReference" })
        let (back, result) = try ProjectSession.importInterchange(from: dir.file("cut.otio"), toNewProject: dir.file("back.kino"))
        defer { back.close() }
        #expect(result.report.isEmpty)
        let a = s.project, b = back.project
        var expected = a.shots
        for i in expected.indices { expected[i].currentTakeID = nil }
        #expect(b.shots == expected)
        #expect(b.scenes == a.scenes)
        #expect(b.characters == a.characters)
        #expect(b.lightingSetups == a.lightingSetups)
        #expect(b.markers == a.markers)
        #expect(b.settings == a.settings)
        #expect(b.nextIDNumber == a.nextIDNumber)
        #expect(b.audio == a.audio)
        // The same recipe: rendering the imported shot gives the original take's input hash.
        let original = s.takes(of: a.shots[0].id).first { $0.id == a.shots[0].currentTakeID }!
        #expect(try back.render(shot: b.shots[0].id, quality: .full).inputHash == original.inputHash)
    }

    @Test func importIntoAnExistingProjectAddsNewScenesAsOneUndoableEdit() throws {
        let dir = TempFolder()
        let s = try cutProject(dir)
        defer { s.close() }
        try s.exportInterchange(to: dir.file("cut.otio"), media: .none)
        let before = s.project
        let r = try s.importInterchange(from: dir.file("cut.otio"))
        #expect(r.shotsAdded == 3 && r.scenesAdded == 2)
        let after = s.project
        #expect(after.shots.count == 6)
        #expect(after.scenes.map(\.name) == ["main", "garden", "main (2)", "garden (2)"])
        #expect(after.shots[3...].map(\.prompt) == before.shots.map(\.prompt))
        #expect(after.shots[3...].map(\.duration) == before.shots.map(\.duration))
        #expect(after.shots[3].cast == before.shots[0].cast)   // Ana is in this project too
        #expect(Set(after.shots.map(\.id)).count == 6)
        try s.undo()
        #expect(s.project == before)
    }

    @Test func foreignTimelineBecomesFootageAndShotsToGenerateWithWhatIsNotModelledListed() throws {
        let dir = TempFolder()
        let s = try cutProject(dir)
        defer { s.close() }
        try s.exportInterchange(to: dir.file("cut.otio"), media: .h264)
        // A timeline as another editor writes it: footage by relative path, a gap, a dissolve,
        // a clip with no media and a marker, a track marker, an effect.
        let script = """
        import sys, opentimelineio as otio
        R = 25
        t = otio.schema.Timeline(name="rough cut")
        tr = otio.schema.Track(name="V1")
        t.tracks.append(tr)
        a = otio.schema.Clip(name="establishing", source_range=otio.opentime.TimeRange(otio.opentime.RationalTime(5, R), otio.opentime.RationalTime(10, R)))
        a.media_reference = otio.schema.ExternalReference(target_url="cut_media/sh5.mp4")
        a.effects.append(otio.schema.LinearTimeWarp(time_scalar=2.0))
        tr.append(a)
        tr.append(otio.schema.Gap(source_range=otio.opentime.TimeRange(duration=otio.opentime.RationalTime(5, R))))
        tr.append(otio.schema.Transition(transition_type="SMPTE_Dissolve", in_offset=otio.opentime.RationalTime(2, R), out_offset=otio.opentime.RationalTime(2, R)))
        b = otio.schema.Clip(name="a lighthouse at night", source_range=otio.opentime.TimeRange(otio.opentime.RationalTime(0, R), otio.opentime.RationalTime(50, R)))
        b.markers.append(otio.schema.Marker(name="waves crash", marked_range=otio.opentime.TimeRange(otio.opentime.RationalTime(3, R))))
        tr.append(b)
        tr.markers.append(otio.schema.Marker(name="Act two", marked_range=otio.opentime.TimeRange(otio.opentime.RationalTime(15, R))))
        otio.adapters.write_to_file(t, sys.argv[1])
        """
        let shotIDs = s.project.shots.map(\.id.raw)
        let w = try run(referencePython, ["-c", script.replacingOccurrences(of: "sh5", with: shotIDs[0]), dir.file("rough.otio")])
        #expect(w.status == 0, "\(w.err)")
        let (p, r) = try ProjectSession.importInterchange(from: dir.file("rough.otio"), toNewProject: dir.file("rough.kino"))
        defer { p.close() }
        let project = p.project
        #expect(project.frameRate == .fps25)
        #expect(project.shots.count == 2)
        let footage = try #require(project.shots[0].sourceVideo)
        // 5 frames at 25 fps into a 23.976 fps clip: frame 5 (0.2 s × 23.976, rounded).
        #expect(footage.inFrame == 5 && footage.outFrame == 15)
        #expect(footage.media.path == dir.file("cut_media/\(shotIDs[0]).mp4"))
        #expect(project.shots[0].duration == 10)
        #expect(project.shots[1].sourceVideo == nil)
        #expect(project.shots[1].prompt == "a lighthouse at night. waves crash")
        #expect(project.shots[1].duration == 50)
        #expect(project.scenes.map(\.name) == ["rough cut", "Act two"])
        #expect(project.shots.map { project.scene($0.sceneID)!.name } == ["rough cut", "Act two"])
        #expect(project.markers.map(\.label) == ["waves crash"])
        #expect(project.markers.map(\.frame) == [10])
        #expect(r.report.contains { $0.contains("LinearTimeWarp") })
        #expect(r.report.contains { $0.hasPrefix("gap of 0.200 s") })
        #expect(r.report.contains { $0.contains("SMPTE_Dissolve") })
    }

    @Test func badTimelinesAreOneLineErrorsAndChangeNothing() throws {
        let dir = TempFolder()
        let s = try cutProject(dir)
        defer { s.close() }
        try s.exportInterchange(to: dir.file("cut.otio"), media: .none)
        let good = try String(contentsOfFile: dir.file("cut.otio"), encoding: .utf8)
        let sub = try #require(good.range(of: "\"OTIO_SCHEMA\": \"MissingReference.1\""))
        func variant(_ from: String, _ to: String, first: Bool = true) -> String {
            first ? good.replacingCharacters(in: good.range(of: from)!, with: to) : good.replacingOccurrences(of: from, with: to)
        }
        let external = good.replacingCharacters(in: sub, with: "\"OTIO_SCHEMA\": \"ExternalReference.1\", \"target_url\": \"TARGET\"")
        let secondTrack = good.replacingOccurrences(of: "\"kind\": \"Video\"\n", with: "\"kind\": \"Video\"\n}, " + "{\"OTIO_SCHEMA\": \"Track.1\", \"kind\": \"Video\", \"name\": \"V2\", \"children\": [{\"OTIO_SCHEMA\": \"Clip.2\", \"name\": \"x\", \"source_range\": {\"OTIO_SCHEMA\": \"TimeRange.1\", \"start_time\": {\"OTIO_SCHEMA\": \"RationalTime.1\", \"rate\": 24.0, \"value\": 0.0}, \"duration\": {\"OTIO_SCHEMA\": \"RationalTime.1\", \"rate\": 24.0, \"value\": 4.0}}}]\n")
        let cases: [(String, String, String)] = [
            ("not JSON", "{\"OTIO_SCHEMA\": \"Timeline.1\", ", "is not JSON"),
            ("newer schema", variant("\"Clip.2\"", "\"Clip.9\""), "uses Clip.9, newer than this Kino reads (Clip.2)"),
            ("unknown schema", variant("\"Clip.2\"", "\"Hologram.1\""), "holds the schema 'Hologram.1'"),
            ("negative range", variant("\"value\": 24.0", "\"value\": -24.0"), "a range starts at 0 or later"),
            ("rate 0", variant("\"rate\": 23.976023976023978", "\"rate\": 0.0"), "has the rate 0.0"),
            ("overlap", secondTrack, "overlaps track V1"),
            ("escapes", external.replacingOccurrences(of: "TARGET", with: "../../etc/passwd"), "outside the folder of the file"),
            ("missing media", external.replacingOccurrences(of: "TARGET", with: "gone.mov"), "does not exist"),
            ("web media", external.replacingOccurrences(of: "TARGET", with: "https://example.com/a.mov"), "file paths and file:// URLs only"),
        ]
        let before = s.project, history = s.historyCounts
        for (label, text, message) in cases {
            let file = dir.file("bad-\(label.replacingOccurrences(of: " ", with: "-")).otio")
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            do {
                try s.importInterchange(from: file)
                Issue.record("\(label): imported")
            } catch {
                let text = error.localizedDescription
                #expect(text.contains(message), "\(label): \(text)")
                #expect(!text.contains("\n"), "\(label): more than one line")
            }
            #expect(s.project == before, "\(label)")
            #expect(s.historyCounts == history, "\(label)")
            let target = dir.file("new-\(label.replacingOccurrences(of: " ", with: "-")).kino")
            #expect(throws: (any Error).self, "\(label)") { try ProjectSession.importInterchange(from: file, toNewProject: target) }
            #expect(!FileManager.default.fileExists(atPath: target), "\(label)")
        }
        // A destination in a folder that does not exist: refused before anything is written.
        for name in ["cut.edl", "cut.fcpxml", "cut.otio"] {
            #expect(throws: (any Error).self) { try s.exportInterchange(to: dir.file("nowhere/\(name)"), media: .none) }
        }
        #expect(!FileManager.default.fileExists(atPath: dir.file("nowhere")))
    }

    @Test func edlAt2997IsReadByTheCMX3600AdapterWithDropFrameTimecode() throws {
        let dir = TempFolder()
        let s = try cutProject(dir, fps: .ntsc29_97, seconds: [61, 1, 2])
        defer { s.close() }
        try s.exportInterchange(to: dir.file("cut.edl"), media: .none)
        let text = try String(contentsOfFile: dir.file("cut.edl"), encoding: .utf8)
        #expect(text.contains("FCM: DROP FRAME"))
        // Shot 1 is 1828 frames: frame numbers ;00 and ;01 of minute 1 are skipped, so it ends at 00:01:01;00.
        #expect(s.project.shots[0].duration == 1828)
        #expect(text.contains("00:00:00;00 00:01:01;00 01:00:00;00 01:01:01;00"))
        let read = try readWithOpenTimelineIO(dir.file("cut.edl"), rate: 30000.0 / 1001.0)
        let clips = read["clips"] as! [[String: Any]]
        #expect(clips.count == 3)
        for (clip, shot) in zip(clips, s.project.shots) {
            #expect(clip["name"] as? String == shot.title)
            let r = clip["range"] as! [String: Any]
            #expect(r["duration"] as? Double == Double(shot.duration))
            #expect(r["start"] as? Double == 0)
            #expect(r["rate"] as? String == "\(30000.0 / 1001.0)")
        }
    }

    @Test func fcpxmlHasRationalTimesAndIsReadByTheFCPXAdapter() throws {
        let dir = TempFolder()
        let s = try cutProject(dir)
        defer { s.close() }
        try s.exportInterchange(to: dir.file("cut.fcpxml"))
        let text = try String(contentsOfFile: dir.file("cut.fcpxml"), encoding: .utf8)
        #expect(text.contains("frameDuration=\"1001/24000s\""))
        // 24 frames at 24000/1001 last 24024/24000 s; the second clip starts there.
        #expect(text.contains("offset=\"0s\" start=\"0s\" duration=\"24024/24000s\""))
        #expect(text.contains("offset=\"24024/24000s\" start=\"0s\" duration=\"12012/24000s\""))
        let lint = try run("/usr/bin/xmllint", ["--noout", dir.file("cut.fcpxml")])
        #expect(lint.status == 0, "\(lint.err)")
        // otio-fcpx-xml-adapter 1.0.0 truncates a format's rate to a whole number (23.976 → 23),
        // so its reading is compared exactly at a whole rate.
        let whole = TempFolder()
        let w = try cutProject(whole, fps: .fps25)
        defer { w.close() }
        try w.exportInterchange(to: whole.file("cut.fcpxml"))
        let read = try readWithOpenTimelineIO(whole.file("cut.fcpxml"))
        let clips = read["clips"] as! [[String: Any]]
        #expect(clips.count == 3)
        for (clip, shot) in zip(clips, w.project.shots) {
            #expect(clip["name"] as? String == shot.title)
            let r = clip["range"] as! [String: Any]
            #expect(r["duration"] as? Double == Double(shot.duration))
            #expect(r["start"] as? Double == 0)
            #expect(r["rate"] as? String == "25.0")
            #expect(clip["url"] as? String == "file://" + whole.file("cut_media/\(shot.id.raw).mov"))
        }
    }

    @Test func kdenliveProjectIsReadByTheAdapterAndRenderedByMeltLikeKinosOwnExport() throws {
        let dir = TempFolder()
        let s = try cutProject(dir)
        defer { s.close() }
        try s.exportInterchange(to: dir.file("cut.kdenlive"))
        let read = try readWithOpenTimelineIO(dir.file("cut.kdenlive"))
        let clips = read["clips"] as! [[String: Any]]
        #expect(clips.map { $0["name"] as? String } == s.project.shots.map(\.title))
        #expect(clips.map { ($0["range"] as! [String: Any])["duration"] as? Double } == s.project.shots.map { Double($0.duration) })
        let melt = try run("/usr/bin/melt", ["-quiet", dir.file("cut.kdenlive"), "-consumer", "avformat:" + dir.file("melt.mkv"), "vcodec=ffv1", "an=1", "pix_fmt=bgr0"])
        #expect(melt.status == 0, "\(melt.err)")
        try s.export(to: dir.file("kino.mkv"), codec: "ffv1")
        let count = try run("/usr/bin/ffprobe", ["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", dir.file("melt.mkv")])
        #expect(Int(count.out.trimmingCharacters(in: .whitespacesAndNewlines)) == s.project.duration)
        let psnr = try run("/usr/bin/ffmpeg", ["-v", "info", "-i", dir.file("melt.mkv"), "-i", dir.file("kino.mkv"), "-lavfi", "[0:v]format=rgb24[a];[1:v]format=rgb24[b];[a][b]psnr", "-f", "null", "-"])
        let line = psnr.err.split(separator: "\n").first { $0.contains("PSNR") && $0.contains("average:") }
        let average = line.flatMap { $0.components(separatedBy: "average:").last?.split(separator: " ").first }.flatMap { Double($0) }
        let db = try #require(average, "\(psnr.err.suffix(400))")
        print("kdenlive via melt vs kino ffv1 export: PSNR \(db) dB over \(s.project.duration) frames")
        #expect(db > 35)
    }

    @Test func audioLanesBecomeAudioTracksAtTheSampleRateAndComeBackExactly() throws {
        let dir = TempFolder()
        let s = try cutProject(dir)
        defer { s.close() }
        let tone = try run("/usr/bin/ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=0.5", "-ar", "48000", dir.file("tone.wav")])
        #expect(tone.status == 0, "\(tone.err)")
        let effect = try s.importAudio(path: dir.file("tone.wav"), lane: .effects, atSeconds: 0.5, name: "ping")
        let music = try s.addMusicBed(seed: 9, atSeconds: 0, length: 2, fade: 0.25)
        try s.exportInterchange(to: dir.file("cut.otio"), media: .none)
        let script = """
        import json, sys, opentimelineio as otio
        t = otio.adapters.read_from_file(sys.argv[1])
        out = []
        for tr in t.tracks:
            if tr.kind != "Audio": continue
            items = [{"kind": type(i).__name__, "name": i.name, "start": i.source_range.start_time.value,
                      "duration": i.source_range.duration.value, "rate": repr(i.source_range.duration.rate),
                      "at": tr.range_of_child_at_index(n).start_time.value,
                      "url": getattr(getattr(i, "media_reference", None), "target_url", None)} for n, i in enumerate(tr)]
            out.append({"name": tr.name, "items": items})
        print(json.dumps(out))
        """
        let r = try run(referencePython, ["-c", script, dir.file("cut.otio")])
        #expect(r.status == 0, "\(r.err)")
        let tracks = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [[String: Any]]
        #expect(tracks.map { $0["name"] as? String } == ["A2 music", "A3 effects"])
        let musicItems = tracks[0]["items"] as! [[String: Any]]
        #expect(musicItems.count == 1)
        #expect(musicItems[0]["name"] as? String == "music bed")
        #expect(musicItems[0]["duration"] as? Double == Double(music.length))
        #expect(musicItems[0]["rate"] as? String == "48000.0")
        let fx = tracks[1]["items"] as! [[String: Any]]
        #expect(fx.map { $0["kind"] as? String } == ["Gap", "Clip"])
        // The clip plays at timeline frame 12 (0.5 s at 23.976 → frame 12 → sample 24024).
        #expect(fx[1]["at"] as? Double == 24024)
        #expect(fx[1]["duration"] as? Double == Double(effect.length))
        #expect(fx[1]["url"] as? String == "file://" + dir.file("tone.wav"))
        let (back, result) = try ProjectSession.importInterchange(from: dir.file("cut.otio"), toNewProject: dir.file("back.kino"))
        defer { back.close() }
        #expect(result.report.isEmpty, "\(result.report)")
        #expect(back.project.audio == s.project.audio)

        // FCPXML: the sound file is an audio asset connected under the clip it starts in.
        try s.exportInterchange(to: dir.file("cut.fcpxml"))
        let fcp = try String(contentsOfFile: dir.file("cut.fcpxml"), encoding: .utf8)
        #expect(fcp.contains("hasAudio=\"1\" audioSources=\"1\" audioChannels=\"2\" audioRate=\"48000\" src=\"file://\(dir.file("tone.wav"))\""))
        #expect(fcp.contains("lane=\"-3\" offset=\"12012/24000s\" name=\"ping\" start=\"0s\" duration=\"\(effect.length)/48000s\" audioRole=\"effects\""))
        let lint = try run("/usr/bin/xmllint", ["--noout", dir.file("cut.fcpxml")])
        #expect(lint.status == 0, "\(lint.err)")
        let names = try run(referencePython, ["-c", """
        import sys, opentimelineio as otio
        t = otio.adapters.read_from_file(sys.argv[1])
        t = t if isinstance(t, otio.schema.Timeline) else [x for x in t if isinstance(x, otio.schema.Timeline)][0]
        print(",".join(f"{tr.kind}:{c.name}" for tr in t.tracks for c in tr.find_clips()))
        """, dir.file("cut.fcpxml")])
        #expect(names.status == 0, "\(names.err)")
        #expect(names.out.contains("Audio:ping"), "\(names.out)")
    }
}
