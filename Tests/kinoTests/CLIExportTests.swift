import Foundation
import Testing

/// `kino export`, `frame`, `render --out`, `shot add --video` and `preview`, through the real
/// executable, checked with ffprobe/ffmpeg (tools we did not write).
@Suite(.serialized) struct CLIExportTests {
    /// A two-shot 320x180 project (1 s + 0.5 s) at `fps`.
    func makeProject(_ dir: Scratch, fps: String = "24", name: String = "x.kino") throws -> String {
        let p = dir.file(name)
        #expect(try CLI.run(["new", p, "--fps", fps, "--size", "320x180"]).status == 0)
        #expect(try CLI.run(["scene", "add", p, "--name", "S", "--environment", "white studio tabletop"]).status == 0)
        #expect(try CLI.run(["shot", "add", p, "--scene", "S", "--prompt", "a smartphone rotating 360 degrees", "--duration", "1"]).status == 0)
        #expect(try CLI.run(["shot", "add", p, "--scene", "S", "--prompt", "a bottle standing, camera push in", "--duration", "0.5"]).status == 0)
        return p
    }

    func ffprobe(_ args: String) -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "ffprobe -v error " + args]
        let out = Pipe()
        p.standardOutput = out
        try? p.run()
        p.waitUntilExit()
        return String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Decodes a video with the ffmpeg CLI into raw RGB frames.
    func decodeRGB(_ path: String, frames: Int, size: Int) -> [Data] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
        p.arguments = ["-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", "rgb24", "-"]
        let out = Pipe()
        p.standardOutput = out
        try? p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (0..<frames).compactMap { i in
            let r = i * size..<(i + 1) * size
            return r.upperBound <= data.count ? data.subdata(in: r) : nil
        }
    }

    func psnr(_ a: Data, _ b: Data) -> Double {
        var se = 0.0
        for i in 0..<min(a.count, b.count) { let d = Double(Int(a[i]) - Int(b[i])); se += d * d }
        let mse = se / Double(a.count)
        return mse == 0 ? .infinity : 10 * log10(255 * 255 / mse)
    }

    @Test func testFFV1ExportEqualsTheRenderedFramesAndH264IsAbove40dB() throws {
        let dir = Scratch()
        let p = try makeProject(dir)
        #expect(try CLI.run(["render", p, "--shot", "1", "--out", dir.file("png1")]).status == 0)
        #expect(try CLI.run(["render", p, "--shot", "2", "--out", dir.file("png2")]).status == 0)
        let ffv1 = try CLI.run(["export", p, "-o", dir.file("out.mkv"), "--codec", "ffv1"])
        #expect(ffv1.status == 0, "\(ffv1.stderr)")
        #expect(ffprobe("-select_streams v:0 -show_entries stream=codec_name -of csv=p=0 \(dir.file("out.mkv"))") == "ffv1")
        #expect(ffprobe("-count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 \(dir.file("out.mkv"))") == "36")
        let h264 = try CLI.run(["export", p, "-o", dir.file("out.mp4")])
        #expect(h264.status == 0, "\(h264.stderr)")
        #expect(ffprobe("-select_streams v:0 -show_entries stream=codec_name,pix_fmt,width,height -of csv=p=0 \(dir.file("out.mp4"))") == "h264,320,180,yuv420p")
        // The rendered frames, as PNG, decoded by ffmpeg; the exports decoded by ffmpeg.
        let size = 320 * 180 * 3
        var rendered: [Data] = []
        for (folder, shot, n) in [("png1", "sh2", 24), ("png2", "sh3", 12)] {
            for f in 0..<n {
                rendered += decodeRGB(dir.file("\(folder)/\(shot)_\(String(format: "%06d", f)).png"), frames: 1, size: size)
            }
        }
        #expect(rendered.count == 36)
        let lossless = decodeRGB(dir.file("out.mkv"), frames: 36, size: size)
        let lossy = decodeRGB(dir.file("out.mp4"), frames: 36, size: size)
        #expect(lossless.count == 36 && lossy.count == 36)
        for i in 0..<min(36, lossless.count, lossy.count, rendered.count) {
            #expect(lossless[i] == rendered[i], "ffv1 frame \(i) differs from the rendered frame")
            #expect(psnr(lossy[i], rendered[i]) >= 36, "h264 frame \(i): \(psnr(lossy[i], rendered[i])) dB")
        }
        // The sequence's PSNR (mean squared error over every frame) at crf 18.
        let all = psnr(lossy.reduce(Data(), +), rendered.reduce(Data(), +))
        #expect(all >= 40, "h264 sequence PSNR \(all) dB")
    }

    @Test func testNTSCProjectExportsExactTimestampsAndRanges() throws {
        let dir = Scratch()
        let p = try makeProject(dir, fps: "23.976")
        let r = try CLI.run(["export", p, "-o", dir.file("ntsc.mov"), "--codec", "prores"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(ffprobe("-select_streams v:0 -show_entries stream=codec_name,pix_fmt,r_frame_rate -of csv=p=0 \(dir.file("ntsc.mov"))") == "prores,yuv422p10le,24000/1001")
        // 36 frames at 24000/1001 fps last 1.5015 s.
        #expect(ffprobe("-select_streams v:0 -show_entries stream=duration -of csv=p=0 \(dir.file("ntsc.mov"))") == "1.501500")
        let range = try CLI.run(["export", p, "-o", dir.file("range.mp4"), "--range", "0.5-1.25"])
        #expect(range.status == 0, "\(range.stderr)")
        // 0.5 s → frame 12, 1.25 s → frame 30: exactly 18 frames.
        #expect(ffprobe("-count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 \(dir.file("range.mp4"))") == "18")
        let png = try CLI.run(["export", p, "-o", dir.file("seq"), "--codec", "png"])
        #expect(png.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("seq")).filter { $0.hasSuffix(".png") }.count == 36)
    }

    @Test func testKilledOrInterruptedExportLeavesNothingAtTheDestination() throws {
        let dir = Scratch()
        let p = dir.file("long.kino")
        #expect(try CLI.run(["new", p, "--size", "640x360"]).status == 0)
        #expect(try CLI.run(["scene", "add", p, "--name", "S", "--environment", "busy city street at night"]).status == 0)
        #expect(try CLI.run(["shot", "add", p, "--scene", "S", "--prompt", "a man walking in the rain", "--duration", "20"]).status == 0)
        for sig in [SIGKILL, SIGINT] {
            let out = dir.file("killed-\(sig).mp4")
            let proc = Process()
            proc.executableURL = URL(fileURLWithPath: CLI.binary)
            proc.arguments = ["export", p, "-o", out]
            proc.standardOutput = FileHandle.nullDevice
            let err = Pipe()
            proc.standardError = err
            try proc.run()
            // Wait until this export is at work: writing its temporary file, or rendering the
            // frames it needs into the cache first (provenance takes the takes before encoding).
            // Frames the killed run left count for nothing: only new ones show this run at work.
            var started = false
            let cache = dir.file("long.kino-cache")
            func cachedFrames() -> Int {
                FileManager.default.enumerator(atPath: cache)?.filter { ($0 as? String)?.hasSuffix(".png") == true }.count ?? 0
            }
            let before = cachedFrames()
            for _ in 0..<1200 {
                usleep(50_000)
                let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
                if names.contains(where: { $0.contains("killed-\(sig)") && $0.contains("partial") }) || cachedFrames() > before + 2 {
                    started = true; break
                }
            }
            #expect(started, "the export never started working")
            usleep(300_000)
            kill(proc.processIdentifier, sig)
            proc.waitUntilExit()
            #expect(!FileManager.default.fileExists(atPath: out), "signal \(sig) left a file at the destination")
            if sig == SIGINT {
                // Cancelled cleanly: one line, no temporary left behind.
                let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                #expect(proc.terminationStatus != 0)
                #expect(text.split(separator: "\n").filter { !$0.contains("\r") }.count <= 1, "\(text)")
                let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
                #expect(!names.contains { $0.contains("killed-\(sig)") && $0.contains("partial") })
            }
        }
    }

    @Test func testExportFailuresSayWhyInOneLine() throws {
        let dir = Scratch()
        let p = try makeProject(dir)
        for (args, phrase) in [(["-o", "/nonexistent/dir/out.mp4"], "nonexistent"), (["-o", dir.file("o.mp4"), "--codec", "vp9"], "vp9"),
                               (["-o", dir.file("o.mp4"), "--range", "5-9"], "outside"), (["-o", dir.file("o.mp4"), "--crf", "99"], "crf")] {
            let r = try CLI.run(["export", p] + args)
            #expect(r.status != 0)
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
            #expect(r.stderr.contains(phrase), "\(r.stderr)")
        }
        // A file size limit: the export fails in one line and leaves no file.
        let limited = try CLI.run(["-c", "ulimit -f 20; exec \(CLI.binary) export \(p) -o \(dir.file("big.mkv")) --codec ffv1"], shell: true)
        #expect(limited.status != 0)
        #expect(limited.stderr.split(separator: "\n").count == 1, "\(limited.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("big.mkv")))
    }

    @Test func testFootageOnTheTimelineExportsAndExtends() throws {
        let dir = Scratch()
        let clip = dir.file("clip.mp4")
        #expect(shell("ffmpeg -v error -f lavfi -i testsrc=size=320x180:rate=24 -t 2 -pix_fmt yuv420p \(clip)") == 0)
        #expect(shell("ffmpeg -v error -f lavfi -i sine -t 1 \(dir.file("audio.m4a"))") == 0)
        let p = try makeProject(dir)
        let add = try CLI.run(["shot", "add", p, "--scene", "S", "--video", clip, "--in", "0.5", "--out", "1.5"])
        #expect(add.status == 0, "\(add.stderr)")
        let bad = try CLI.run(["shot", "add", p, "--scene", "S", "--video", dir.file("audio.m4a")])
        #expect(bad.status != 0 && bad.stderr.split(separator: "\n").count == 1)
        let ext = try CLI.run(["extend", p, "--shot", "3", "--seconds", "1"])
        #expect(ext.status == 0, "\(ext.stderr)")
        let r = try CLI.run(["export", p, "-o", dir.file("f.mkv"), "--codec", "ffv1"])
        #expect(r.status == 0, "\(r.stderr)")
        // 24 + 12 + 24 (footage) + 24 (extension) frames.
        #expect(ffprobe("-count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 \(dir.file("f.mkv"))") == "84")
    }

    @Test func testFootageAtAnotherRateKeepsItsSpeed() throws {
        let dir = Scratch()
        let clip = dir.file("clip30.mp4")
        #expect(shell("ffmpeg -v error -f lavfi -i testsrc=size=320x180:rate=30 -t 2 -pix_fmt yuv420p \(clip)") == 0)
        let p = try makeProject(dir)
        #expect(try CLI.run(["shot", "add", p, "--scene", "S", "--video", clip]).status == 0)
        struct I: Decodable { struct S: Decodable { let frames: Int }; let shots: [S] }
        let info = try JSONDecoder().decode(I.self, from: Data(try CLI.run(["info", p, "--json"]).stdout.utf8))
        #expect(info.shots[2].frames == 48, "2 s of footage at 24 fps")
        #expect(try CLI.run(["frame", p, "--shot", "3", "--time", "1", "-o", dir.file("shot.png")]).status == 0)
        // One second in, the shot shows the clip's frame 30, not its frame 24.
        #expect(shell("ffmpeg -v error -i \(clip) -vf 'select=eq(n\\,30)' -frames:v 1 \(dir.file("c30.png"))") == 0)
        #expect(shell("ffmpeg -v error -i \(clip) -vf 'select=eq(n\\,24)' -frames:v 1 \(dir.file("c24.png"))") == 0)
        let size = 320 * 180 * 3
        let shot = decodeRGB(dir.file("shot.png"), frames: 1, size: size)
        let c30 = decodeRGB(dir.file("c30.png"), frames: 1, size: size), c24 = decodeRGB(dir.file("c24.png"), frames: 1, size: size)
        #expect(shot.count == 1 && c30.count == 1 && c24.count == 1)
        if shot.count == 1 && c30.count == 1 && c24.count == 1 {
            #expect(psnr(shot[0], c30[0]) > psnr(shot[0], c24[0]) + 3, "shot frame is closer to clip frame 24 than 30")
        }
    }

    @Test func testAStartImageChangedAfterwardsIsNoticedWhenFramesAreRegenerated() throws {
        let dir = Scratch()
        let image = dir.file("start.png")
        #expect(shell("ffmpeg -v error -f lavfi -i testsrc=size=320x180 -frames:v 1 \(image)") == 0)
        let p = try makeProject(dir)
        #expect(try CLI.run(["shot", "add", p, "--scene", "S", "--prompt", "camera push in", "--image", image, "--duration", "0.5"]).status == 0)
        #expect(try CLI.run(["render", p, "--shot", "3"]).status == 0)
        #expect(shell("ffmpeg -y -v error -f lavfi -i color=c=red:size=320x180 -frames:v 1 \(image)") == 0)
        try FileManager.default.removeItem(atPath: dir.file("x.kino-cache"))
        let r = try CLI.run(["export", p, "-o", dir.file("o.mp4")])
        #expect(r.status != 0)
        #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains("changed since it was added"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("o.mp4")))
    }

    @Test func testPreviewDrawsInEveryModeAndRefusesBadInput() throws {
        let dir = Scratch()
        let p = try makeProject(dir)
        // Nothing rendered yet: preview renders at preview size first.
        let blocks = try CLI.run(["preview", p, "--shot", "1", "--time", "0.5", "--mode", "blocks", "--cols", "40"], env: ["COLORTERM": "truecolor", "TERM": "xterm-256color", "NO_COLOR": ""])
        #expect(blocks.status == 0, "\(blocks.stderr)")
        #expect(blocks.stdout.contains("\u{1B}[38;2;"))
        let ascii = try CLI.run(["preview", p, "--shot", "1", "--mode", "ascii", "--cols", "30"])
        #expect(ascii.status == 0)
        #expect(ascii.stdout.unicodeScalars.allSatisfy { $0.isASCII && ($0.value >= 32 || $0 == "\n") })
        #expect(ascii.stdout.split(separator: "\n").allSatisfy { $0.count == 30 })
        let one = try CLI.run(["preview", p, "--shot", "1", "--mode", "ascii", "--cols", "1"])
        #expect(one.status == 0)
        let sixel = try CLI.run(["preview", p, "--shot", "2", "--mode", "sixel", "--cols", "40"])
        #expect(sixel.status == 0)
        #expect(sixel.stdout.hasPrefix("\u{1B}P"))
        let strip = try CLI.run(["preview", p, "--shot", "1", "--strip", "--mode", "ascii", "--cols", "80"])
        #expect(strip.status == 0)
        #expect(strip.stdout.contains("0.0s"))
        for args in [["--cols", "0"], ["--time", "5"], ["--mode", "holo"], ["--time", "-9"], ["--cols", "0x10"]] {
            let r = try CLI.run(["preview", p, "--shot", "1"] + args)
            #expect(r.status != 0, "\(args)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
        }
    }
}

extension CLI {
    /// Runs `/bin/sh` with the arguments (for ulimit).
    static func run(_ args: [String], shell: Bool) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
