import Foundation
import KinoCore
import KinoMedia

/// Measures Kino's export against the ffmpeg command line on the same frames, and how much of
/// the smaller of render and encode time the export pipeline hides. kino-bench prints these.
enum MediaBenchmark {
    /// One comparison: the same frames through `exportVideo` and through `ffmpeg` reading raw RGB.
    struct Comparison: Sendable {
        var width: Int
        var height: Int
        var frames: Int
        /// Best of the runs, seconds.
        var kinoSeconds: Double
        var ffmpegSeconds: Double
        /// CPU time (user + system, all threads) of the best runs: steadier than wall time
        /// when other work shares the cores.
        var kinoCPUSeconds: Double
        var ffmpegCPUSeconds: Double
        /// kino / ffmpeg wall time; the target is ≤ 1.10.
        var ratio: Double { kinoSeconds / ffmpegSeconds }
        var cpuRatio: Double { kinoCPUSeconds / ffmpegCPUSeconds }
    }

    /// CPU seconds used so far by this process (`RUSAGE_SELF`) or its waited-for children.
    static func cpuSeconds(_ who: Int32) -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(who), &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// An export whose frames are rendered on the way, against rendering and encoding apart.
    struct Overlap: Sendable {
        var frames: Int
        var renderSeconds: Double
        var encodeSeconds: Double
        var pipelinedSeconds: Double
        /// The share of the smaller phase hidden by running both at once (1 = all of it).
        var hidden: Double {
            let saved = renderSeconds + encodeSeconds - pipelinedSeconds
            return min(1, max(0, saved) / max(1e-9, min(renderSeconds, encodeSeconds)))
        }
    }

    /// Exports `frames` as H.264 (preset medium, crf 18) with Kino and with
    /// `ffmpeg -f rawvideo -pix_fmt rgb24 … -c:v libx264 -pix_fmt yuv420p -preset medium -crf 18`,
    /// `runs` times each, alternating, in `folder`; keeps the best time of each.
    static func compareWithFFmpeg(frames: [Frame], frameRate: FrameRate = .fps24, runs: Int = 2,
                                         folder: String) throws -> Comparison {
        guard let first = frames.first else { throw MediaError.invalidSettings("there are no frames to export") }
        let raw = (folder as NSString).appendingPathComponent("frames.rgb")
        var bytes = Data(capacity: frames.count * first.width * first.height * 3)
        for f in frames { bytes.append(contentsOf: f.rgbBytes) }
        try bytes.write(to: URL(fileURLWithPath: raw))
        defer { try? FileManager.default.removeItem(atPath: raw) }
        let cliOut = (folder as NSString).appendingPathComponent("ffmpeg.mp4")
        let kinoOut = (folder as NSString).appendingPathComponent("kino.mp4")
        defer {
            try? FileManager.default.removeItem(atPath: cliOut)
            try? FileManager.default.removeItem(atPath: kinoOut)
        }
        let settings = ExportSettings(codec: .h264, frameRate: frameRate, width: first.width, height: first.height)
        var best = (kino: Double.infinity, ffmpeg: Double.infinity)
        var cpu = (kino: 0.0, ffmpeg: 0.0)
        for _ in 0..<max(1, runs) {
            let t0 = Date(), c0 = cpuSeconds(RUSAGE_CHILDREN.rawValue)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
            p.arguments = ["-y", "-v", "error", "-f", "rawvideo", "-pix_fmt", "rgb24",
                           "-s", "\(first.width)x\(first.height)", "-r", frameRate.perSecond.description,
                           "-i", raw, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "medium", "-crf", "18", cliOut]
            try p.run()
            p.waitUntilExit()
            guard p.terminationStatus == 0 else { throw MediaError.encodingFailed("ffmpeg exited with \(p.terminationStatus)") }
            let ffmpegWall = Date().timeIntervalSince(t0)
            if ffmpegWall < best.ffmpeg { best.ffmpeg = ffmpegWall; cpu.ffmpeg = cpuSeconds(RUSAGE_CHILDREN.rawValue) - c0 }

            let t1 = Date(), c1 = cpuSeconds(RUSAGE_SELF.rawValue)
            _ = try exportVideo(to: kinoOut, settings: settings, frameCount: frames.count) { frames[$0] }
            let kinoWall = Date().timeIntervalSince(t1)
            if kinoWall < best.kino { best.kino = kinoWall; cpu.kino = cpuSeconds(RUSAGE_SELF.rawValue) - c1 }
        }
        return Comparison(width: first.width, height: first.height, frames: frames.count,
                          kinoSeconds: best.kino, ffmpegSeconds: best.ffmpeg,
                          kinoCPUSeconds: cpu.kino, ffmpegCPUSeconds: cpu.ffmpeg)
    }

    /// Times `render` for every frame alone, encoding the rendered frames alone, and the
    /// export that renders on the way.
    static func measureOverlap(frameCount: Int, width: Int, height: Int, frameRate: FrameRate = .fps24,
                                      folder: String, render: @escaping @Sendable (Int) throws -> Frame) throws -> Overlap {
        let out = (folder as NSString).appendingPathComponent("overlap.mp4")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let settings = ExportSettings(codec: .h264, frameRate: frameRate, width: width, height: height)
        let t0 = Date()
        let rendered = try (0..<frameCount).map { try render($0) }
        let renderSeconds = Date().timeIntervalSince(t0)
        let t1 = Date()
        _ = try exportVideo(to: out, settings: settings, frameCount: frameCount) { rendered[$0] }
        let encodeSeconds = Date().timeIntervalSince(t1)
        let t2 = Date()
        _ = try exportVideo(to: out, settings: settings, frameCount: frameCount, frame: render)
        return Overlap(frames: frameCount, renderSeconds: renderSeconds, encodeSeconds: encodeSeconds,
                       pipelinedSeconds: Date().timeIntervalSince(t2))
    }

    /// Frame-cache PNG speed: mean milliseconds to encode and decode `frame`, and the bytes.
    struct PNGTiming: Sendable {
        var width: Int
        var height: Int
        var encodeMilliseconds: Double
        var decodeMilliseconds: Double
        /// CPU milliseconds per encode + decode (steadier than wall time on a busy machine).
        var cpuMilliseconds: Double
        var bytes: Int
    }

    /// Encodes and decodes `frame` as PNG `iterations` times (the frame cache's fast path).
    static func measurePNG(_ frame: Frame, iterations: Int = 10) throws -> PNGTiming {
        let n = max(1, iterations)
        var data = Data()
        let c0 = cpuSeconds(RUSAGE_SELF.rawValue)
        let t0 = Date()
        for _ in 0..<n { data = try encodePNGData(frame) }
        let encode = Date().timeIntervalSince(t0) / Double(n)
        let t1 = Date()
        for _ in 0..<n { _ = try decodePNG(data: data) }
        let decode = Date().timeIntervalSince(t1) / Double(n)
        let cpu = (cpuSeconds(RUSAGE_SELF.rawValue) - c0) / Double(n)
        return PNGTiming(width: frame.width, height: frame.height, encodeMilliseconds: encode * 1000,
                         decodeMilliseconds: decode * 1000, cpuMilliseconds: cpu * 1000, bytes: data.count)
    }

    /// A table of comparisons and overlaps, one line each.
    static func table(_ comparisons: [Comparison], overlaps: [Overlap] = [], png: [PNGTiming] = []) -> String {
        var lines = ["export (h264, preset medium, crf 18)   frames   kino s   ffmpeg s   ratio   kino cpu s   ffmpeg cpu s   cpu ratio"]
        for c in comparisons {
            let label = "\(c.width)x\(c.height), frames cached"
            lines.append(label.padding(toLength: 38, withPad: " ", startingAt: 0)
                + String(format: " %6d %8.2f %10.2f %7.2f %12.2f %14.2f %11.2f", c.frames, c.kinoSeconds, c.ffmpegSeconds,
                         c.ratio, c.kinoCPUSeconds, c.ffmpegCPUSeconds, c.cpuRatio))
        }
        for o in overlaps {
            lines.append(String(format: "uncached %d frames: render %.2f s + encode %.2f s = %.2f s; pipelined %.2f s (hides %.0f%% of the smaller)",
                                o.frames, o.renderSeconds, o.encodeSeconds, o.renderSeconds + o.encodeSeconds,
                                o.pipelinedSeconds, o.hidden * 100))
        }
        for p in png {
            lines.append(String(format: "frame cache PNG %dx%d: encode %.1f ms, decode %.1f ms (CPU %.1f ms both), %d KiB",
                                p.width, p.height, p.encodeMilliseconds, p.decodeMilliseconds, p.cpuMilliseconds, p.bytes / 1024))
        }
        return lines.joined(separator: "\n")
    }

    /// Frames that look like rendered content (soft gradients, a moving soft-edged disc, fine
    /// texture), for benchmarks that have no engine at hand.
    static func syntheticFrames(width: Int, height: Int, count: Int) -> [Frame] {
        (0..<count).map { syntheticFrame(width: width, height: height, index: $0) }
    }

    static func syntheticFrame(width: Int, height: Int, index: Int) -> Frame {
        var px = [UInt8](repeating: 255, count: width * height * 4)
        let radius = Float(min(width, height)) / 5
        let cx = Float((index * 4) % width), cy = Float(height) / 2 + Float(height / 5) * sinf(Float(index) * 0.1)
        var seed = UInt32(truncatingIfNeeded: index &* 2654435761)
        for y in 0..<height {
            for x in 0..<width {
                seed = seed &* 1664525 &+ 1013904223
                let grain = Float(seed >> 28) - 7.5
                let fx = Float(x) / Float(width), fy = Float(y) / Float(height)
                var r = 40 + 160 * fx + grain, g = 60 + 120 * fy + grain, b = 90 + 100 * (1 - fx) * fy + grain
                let dx = Float(x) - cx, dy = Float(y) - cy
                let inside = min(1, max(0, (radius - (dx * dx + dy * dy).squareRoot()) / 2))
                r += (230 - r) * inside; g += (200 - g) * inside; b += (80 - b) * inside
                let i = (y * width + x) * 4
                px[i] = UInt8(max(0, min(255, r))); px[i + 1] = UInt8(max(0, min(255, g))); px[i + 2] = UInt8(max(0, min(255, b)))
            }
        }
        return Frame(width: width, height: height, pixels: px)
    }
}
