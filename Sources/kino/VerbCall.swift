import ArgumentParser
import Foundation
import KinoCore
import KinoKit

// Typed options: --help and shell completion list the accepted values.
extension CameraPreset: ExpressibleByArgument {}
extension ExportCodec: ExpressibleByArgument {}
extension PreviewMode: ExpressibleByArgument {}
extension KeyInterpolation: ExpressibleByArgument {}
extension TimeOfDay: ExpressibleByArgument {}
extension Weather: ExpressibleByArgument {}
extension CameraChannel: ExpressibleByArgument {}

extension ProjectPath {
    /// Performs one verb of the table on this project: checks the invocation against the
    /// project, performs it, prints its sentence, then runs its jobs with a progress line.
    /// Returns the outcome and each job's sentence.
    @discardableResult
    func run(_ invocation: VerbInvocation, printing: Bool = true) throws -> (VerbOutcome, [String]) {
        let session = try open()
        defer { release(session) }
        let resolved = try Verbs.resolve(invocation, in: try session.currentProject())
        let outcome = try resolved.perform(on: session)
        if printing {
            if !outcome.message.isEmpty { print(outcome.message) }
            for line in outcome.details { print(line) }
        }
        var done: [String] = []
        for job in outcome.jobs {
            let text = try withJob(job.label) { progress, cancel in try session.run(job, progress: progress, cancel: cancel) }
            if printing { print(text) }
            done.append(text)
        }
        return (outcome, done)
    }
}
