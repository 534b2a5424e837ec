import Dashboard
import Foundation
import PlanKit

/// The run loop: reads terminal events, feeds them to `reduce`, carries out the effects
/// (writes through PlanFile, probes in the background, the editor, themes), watches the
/// plan for outside edits, and paints what changed in `render`'s frame.
///
/// Effects never call `reduce`: each result is posted to the inbox, and the loop feeds
/// the inbox to `reduce` before it takes the next event (bubbletea's Cmd → Msg).
public final class DashboardApp {
    public private(set) var state: DashboardState
    private var planFile: PlanFile
    private var watcher: PlanWatcher
    private let displayPath: String
    private let terminal: DashboardTerminal
    private var theme: Theme
    private let catalog: ThemeCatalog
    private let live: LiveStatusSource
    private let inbox = Inbox()
    private let environment: [String: String]
    private let bench: BenchLog?
    private let pollInterval: TimeInterval
    private var running = true
    private var dirty = true
    /// The frame on the glass, the one the next frame is diffed against; nil: paint whole.
    private var lastFrame: Screen?
    private var keyArrived: Date?

    /// `pollInterval`: seconds between looks at the plan for outside edits.
    public init(planFile: PlanFile, displayPath: String, terminal: DashboardTerminal, theme: Theme,
                themeNames: [String], catalog: ThemeCatalog, live: LiveStatusSource, refresh: TimeInterval,
                stages: [String], stage: String?, mouse: Bool, environment: [String: String],
                pollInterval: TimeInterval = 0.3) {
        self.planFile = planFile
        self.displayPath = displayPath
        watcher = PlanWatcher(path: planFile.path)
        self.terminal = terminal
        self.theme = theme
        self.catalog = catalog
        self.live = live
        self.environment = environment
        self.pollInterval = pollInterval
        bench = BenchLog(environment: environment)
        state = DashboardState(
            outline: PlanOutline(document: planFile.document, path: displayPath),
            width: terminal.columns, height: terminal.rows, now: Date(), refresh: refresh,
            stages: stages, stage: stage, themes: themeNames, theme: theme.name,
            unicode: terminal.unicode, mouse: mouse)
    }

    public func run() {
        paint()
        bench?.record("first_frame_epoch", Date().timeIntervalSince1970)
        handle(.started)
        var lastTick = Date.distantPast
        var lastPoll = Date()
        while running {
            if let event = terminal.waitForEvent(milliseconds: state.live.probing ? 80 : 200) {
                keyArrived = Date()
                handle(event)
                // Take a burst of input (a paste, a held key) before painting again.
                while running, let more = terminal.waitForEvent(milliseconds: 0) { handle(more) }
            }
            handleInbox()
            let now = Date()
            if running, now.timeIntervalSince(lastPoll) >= pollInterval {
                lastPoll = now
                checkForOutsideEdit()
            }
            if running, now.timeIntervalSince(lastTick) >= (state.live.probing ? 0.1 : 0.5) {
                lastTick = now
                handle(.tick(now))
            }
            if running { paint() }
        }
    }

    private func handle(_ event: TerminalEvent) {
        switch event {
        case .key(let key): handle(Action.key(key))
        case .resize(let width, let height):
            lastFrame = nil  // the glass no longer holds the old frame
            handle(Action.resize(width: width, height: height))
        case .mouse(let mouse): handle(Action.mouse(mouse))
        }
    }

    /// Reduces `action`, carries out its effects, then reduces what they posted, until
    /// the inbox is empty: the next event sees every result of this one.
    private func handle(_ action: Action) {
        dirty = true
        for effect in reduce(&state, action) { perform(effect) }
        handleInbox()
    }

    private func handleInbox() {
        while running {
            let results = inbox.takeAll()
            guard !results.isEmpty else { return }
            dirty = true
            for result in results where running {
                for effect in reduce(&state, result) { perform(effect) }
            }
        }
    }

    private func paint() {
        guard dirty else { return }
        dirty = false
        let frame = render(state)
        guard frame != lastFrame else { return }
        terminal.draw(frame.changes(from: lastFrame), theme: theme)
        lastFrame = frame
    }

    private func perform(_ effect: Effect) {
        switch effect {
        case .quit:
            running = false
        case .writeMark(let change, let origin):
            write(change, origin: origin)
        case .probe(let stage):
            let live = self.live, inbox = self.inbox
            Task.detached { inbox.post(await live.probe(stage)) }
        case .probeMatrix(let stages):
            let live = self.live, inbox = self.inbox
            Task.detached { inbox.post(await live.matrix(stages)) }
        case .openEditor(let line):
            let problem = EditorLauncher.edit(path: planFile.path, line: line, environment: environment,
                                              in: terminal)
            lastFrame = nil  // the editor drew over the glass
            inbox.post(.resize(width: terminal.columns, height: terminal.rows))
            reload(reason: .editor)
            if let problem { inbox.post(.planLoadFailed(problem)) }
        case .applyTheme(let name):
            do {
                theme = try catalog.load(name)
                lastFrame = nil
            } catch {
                inbox.post(.themeFailed(error.description))
            }
        }
    }

    /// Writes at once through PlanFile, which re-reads first: an outside edit is never
    /// written over, the change is placed in the new content or not written at all.
    private func write(_ change: MarkChange, origin: ChangeOrigin) {
        let locator = ItemLocator(id: change.itemID, line: change.line, text: change.text)
        if origin != .user, refuseStaleReplay(change, at: locator, origin: origin) { return }
        do {
            let outcome = try planFile.apply(StateChange(item: locator, mark: change.to), stamp: Date())
            watcher.acceptCurrent()
            if let keyArrived { bench?.record("key_to_write_ms", Date().timeIntervalSince(keyArrived) * 1000) }
            let outline = PlanOutline(document: planFile.document, path: displayPath)
            let item = outcome.item
            let actual = MarkChange(itemID: item.id, line: item.line, text: item.text, from: outcome.inverse.mark, to: change.to)
            if outcome.wrote {
                inbox.post(.markWritten(actual, origin: origin, outline: outline))
            } else {
                inbox.post(.planLoaded(outline, reason: .outsideEdit))
                inbox.post(.writeFailed(actual, origin: origin,
                                        message: "\(actual.itemName) is already \(ItemState(mark: change.to).rawValue) on disk; nothing was written."))
            }
        } catch {
            reload(reason: .outsideEdit)
            inbox.post(.writeFailed(change, origin: origin, message: error.description))
        }
    }

    /// Undo and redo apply only while the file still holds what the replayed change
    /// found (the mark the earlier write left): an outside change wins. True when refused.
    private func refuseStaleReplay(_ change: MarkChange, at locator: ItemLocator, origin: ChangeOrigin) -> Bool {
        guard (try? planFile.reload()) != nil else { return false }  // the write reports the failure
        watcher.acceptCurrent()
        if let item = try? locator.locate(in: planFile.document, exact: false), item.mark == change.from { return false }
        inbox.post(.planLoaded(PlanOutline(document: planFile.document, path: displayPath), reason: .outsideEdit))
        inbox.post(.replayRefused(change, origin: origin))
        return true
    }

    private func checkForOutsideEdit() {
        guard watcher.changed() else { return }
        reload(reason: .outsideEdit)
        handleInbox()
    }

    private func reload(reason: LoadReason) {
        do {
            let changed = try planFile.reload()
            watcher.acceptCurrent()
            if changed || reason == .editor {
                inbox.post(.planLoaded(PlanOutline(document: planFile.document, path: displayPath), reason: reason))
            }
        } catch {
            inbox.post(.planLoadFailed(error.description + " Showing the last version read."))
        }
    }
}
