import CFFmpeg
import Foundation
import KinoCore

/// Encodes frames 0..<frameCount into `destination` with `settings`, and returns what it wrote.
///
/// - `frame(i)` supplies frame i (it may render, and it runs on a producer thread a few frames
///   ahead of the encoder, so rendering and encoding keep two cores busy).
/// - `progress(n)` is called on the calling thread after frame n-1 is encoded.
/// - `cancel()` is polled before every frame; when it says true the export stops and throws
///   `MediaError.cancelled`.
///
/// The output is written beside the destination under `.NAME.partial-PID-RANDOM` and renamed
/// onto it only when complete; on any error or cancel the temporary is deleted. A killed
/// process may leave the temporary, never a half-written destination; the next export to the
/// same name removes such leftovers. SIGXFSZ is ignored from the first export on, so a file
/// size limit fails the write (EFBIG, `MediaError.fileTooLarge`) instead of killing the process.
///
/// `sound`, when given, is 48 kHz stereo of exactly frameCount frames' length: AAC in MP4,
/// PCM 24-bit in MOV, FLAC in MKV, interleaved frame by frame; `audio.wav` inside a PNG folder.
public func exportVideo(to destination: String, settings: ExportSettings, frameCount: Int,
                        sound: StereoBuffer? = nil,
                        progress: (@Sendable (Int) -> Void)? = nil,
                        cancel: @escaping @Sendable () -> Bool = { false },
                        frame: @escaping @Sendable (Int) throws -> Frame) throws -> ExportSummary {
    try settings.validate()
    guard frameCount > 0 else { throw MediaError.invalidSettings("there are no frames to export") }
    signal(SIGXFSZ, SIG_IGN)
    if cancel() { throw MediaError.cancelled }

    let temporary = try TemporaryDestination(destination: destination, isFolder: settings.codec == .png)
    do {
        let writer = try StreamWriter(path: temporary.path, reportingAs: temporary.destination, settings: settings, sound: sound)
        let converter = FrameToPicture(width: settings.encodedWidth, height: settings.encodedHeight,
                                       format: writer.pixelFormat, space: writer.colourSpace)
        let producer = ProducerThread(count: frameCount, ahead: 3, stop: cancel) { index in
            try converter.picture(from: try frame(index), pts: Int64(index))
        }
        defer { producer.finish() }
        for index in 0..<frameCount {
            if cancel() { throw MediaError.cancelled }
            guard let picture = try producer.next() else { throw MediaError.cancelled }
            try writer.write(picture)
            try writer.soundTrack?.write(through: AudioClock.sample(atFrame: index + 1, rate: settings.frameRate))
            progress?(index + 1)
        }
        producer.finish()
        try writer.finish()
        if let sound, settings.codec == .png {
            try writeSoundFile(sound, to: (temporary.path as NSString).appendingPathComponent("audio.wav"), format: .wav,
                               reportingAs: temporary.destination)
        }
        guard writer.packetsWritten == frameCount else {
            throw MediaError.encodingFailed("the encoder wrote \(writer.packetsWritten) of \(frameCount) frames")
        }
        try temporary.commit()
        return ExportSummary(destination: temporary.destination, codec: settings.codec, frameCount: frameCount,
                             width: settings.encodedWidth, height: settings.encodedHeight,
                             duration: settings.frameRate.time(ofFrame: frameCount),
                             bytes: writer.bytesWritten)
    } catch {
        temporary.discard()
        throw error
    }
}
