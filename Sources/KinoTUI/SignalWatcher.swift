import Dispatch
import Foundation
import KinoEditor

/// Turns SIGINT, SIGTERM and SIGHUP into a quit through the reducer that cancels the running
/// jobs without asking, so the loop ends, the jobs are joined and the terminal is restored.
final class SignalWatcher: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    init(actions: ActionQueue) {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { actions.post(.command(.quitCancellingJobs)) }
            source.resume()
            sources.append(source)
        }
    }
    func stop() {
        for s in sources { s.cancel() }
        for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, SIG_DFL) }
    }
}
