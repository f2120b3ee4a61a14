// Operation bodies as the CPP API sends them, for the emulator to play back one GET at a time. Shaped
// like Learn's "Retrieve operations" and "Retrieve offer status" samples (__tests__/fixtures/
// learn-cloud-partner-portal-api.ts): the same step ids, names, descriptions and estimates, step
// messages with 7-digit fractional timestamps, empty top-level messages and links.

export type Body = Record<string, unknown>

/** A timestamp as the service writes it: 7 fractional digits (`2017-03-28T19:50:39.5506018Z`). */
export function serviceTimestamp(date: Date): string {
  const ticks = String(date.getUTCMilliseconds() * 10_000 + 6018).padStart(7, '0')
  return date.toISOString().replace(/\.\d{3}Z$/, `.${ticks}Z`)
}

const at = (minute: number): string => serviceTimestamp(new Date(Date.UTC(2026, 10, 20, 10, minute, 39, 550)))

function step(id: string, stepName: string, description: string, status: string, extra: Body = {}): Body {
  return { id, stepName, description, status, progressPercentage: 0, messages: [], ...extra }
}

const completed = (minute: number): Body => ({
  status: 'complete',
  progressPercentage: 100,
  messages: [{ messageHtml: 'Step completed.', level: 'information', timestamp: at(minute) }]
})

/** Learn's publish steps, in its order, with its texts and estimates. */
const validate = (extra: Body) =>
  step('displaydummycertify', 'Validate Pre-Requisites', 'Offer settings provided are validated', 'notStarted', {
    estimatedTimeFrame: '< 15 min',
    ...extra
  })
const certify = (extra: Body) =>
  step('displaycertify', 'Certification', 'Your offer is analyzed by our certification systems for issues.', 'notStarted', {
    estimatedTimeFrame: '< 5 day',
    ...extra
  })
const provision = (extra: Body) =>
  step('displayprovision', 'Provisioning', 'Your virtual machine is being replicated in our production systems.', 'notStarted', {
    estimatedTimeFrame: '< 1 day',
    ...extra
  })
const pack = (extra: Body) =>
  step(
    'displaypackage',
    'Packaging and Lead Generation Registration',
    'Your virtual machine is packaged for being shown to your customers. Additionally, we hookup our lead generation systems to send leads for your offer.',
    'notStarted',
    { estimatedTimeFrame: '< 1 hour', ...extra }
  )
const signoffStep = (extra: Body) =>
  step(
    'publisher-signoff',
    'Publisher signoff',
    'Offer is available to preview. Ensure that everything looks good before making your offer live.',
    'notStarted',
    extra
  )
const LIVE_DESCRIPTION = 'Offer is publicly visible and is available for purchase.'

/** Everything before the go-live, done: published to preview and signed off. */
const published = (): Body[] => [validate(completed(0)), certify(completed(1)), provision(completed(2)), pack(completed(3))]
const signoff = signoffStep(completed(4))

// made-up: Learn shows no go-live operation; its Live step ("~2-5 days") is preceded here by a
// preparation step, and the live step's name equals its id (cpp-api.md: some step names do). The
// e2e tests name both.
const prep = (status: string, extra: Body = {}) =>
  step('golive-prep', 'Go-live preparation', 'The offer is prepared for going live.', status, { estimatedTimeFrame: '< 1 hour', ...extra })
const live = (status: string, extra: Body = {}) =>
  step('live', 'live', LIVE_DESCRIPTION, status, { estimatedTimeFrame: '~2-5 days', ...extra })
const Live = (status: string, extra: Body = {}) =>
  step('live', 'Live', LIVE_DESCRIPTION, status, { estimatedTimeFrame: '~2-5 days', ...extra })

// made-up: Learn's samples show `previewLinks` and `liveLinks` only as empty arrays; cpp-api.md gives
// their entries as `{displayText, uri}`. These follow that shape, with the Marketplace's URLs.
const previewLink = (publisher: string, offer: string): Body => ({
  displayText: 'Azure Marketplace preview',
  uri: `https://azuremarketplace.microsoft.com/marketplace/apps/${publisher}.${offer}-preview?tab=Overview`
})
const liveLink = (publisher: string, offer: string): Body => ({
  displayText: 'Azure Marketplace listing',
  uri: `https://azuremarketplace.microsoft.com/marketplace/apps/${publisher}.${offer}`
})

/** The links of an offer's status or operation: to its preview once published, to its listing once live. */
export function offerLinks(publisher: string, offer: string, has: { preview: boolean; live: boolean }): Body {
  return {
    previewLinks: has.preview ? [previewLink(publisher, offer)] : [],
    liveLinks: has.live ? [liveLink(publisher, offer)] : []
  }
}

function operation(status: string, steps: Body[], extra: Body = {}): Body {
  return {
    status,
    messages: [],
    publishingVersion: 2,
    offerVersion: 1,
    cancellationRequestState: status === 'running' ? 'canCancel' : 'cannotCancel',
    steps,
    previewLinks: [],
    liveLinks: [],
    ...extra
  }
}

/**
 * A go-live that runs through preparation and the Live step and succeeds (spelled `completed`);
 * its last answer links the preview and listing of `offer`.
 */
export function succeedingGoLive(successSpelling = 'succeeded', offer = { publisher: 'contoso', offer: 'contoso-vm' }): Body[] {
  const done = (minute: number) => ({ ...completed(minute), estimatedTimeFrame: '< 1 hour' })
  return [
    operation('notStarted', [...published(), signoff, prep('notStarted'), live('notStarted')]),
    operation('running', [...published(), signoff, prep('inProgress', { progressPercentage: 40 }), live('notStarted')]),
    operation('running', [...published(), signoff, prep('complete', done(6)), live('inProgress', { progressPercentage: 10 })]),
    operation('running', [...published(), signoff, prep('complete', done(6)), live('inProgress', { progressPercentage: 70 })]),
    operation(
      successSpelling,
      [...published(), signoff, prep('complete', done(6)), live('complete', completed(42))],
      offerLinks(offer.publisher, offer.offer, { preview: true, live: true })
    )
  ]
}

// made-up: entities and markup in the message, to exercise HTML decoding (Learn's own error message,
// "No virtual machine image was found for the plan contoso.", is plain text).
const FAILURE_HTML = '<p>Offer validation failed: plan <b>&quot;gen2&quot;</b> has no VM image &amp; cannot go live.</p>'

/** A go-live whose Live step is rejected with an error message in HTML. */
export function failingGoLive(): Body[] {
  return [
    operation('running', [...published(), signoff, Live('inProgress', { progressPercentage: 20 })]),
    operation('failed', [
      ...published(),
      signoff,
      Live('rejected', { messages: [{ messageHtml: FAILURE_HTML, level: 'error', timestamp: at(5) }] })
    ])
  ]
}

/** A go-live canceled at the service (spelled the British way, as some answers do). */
export function canceledGoLive(): Body[] {
  return [
    operation('running', [...published(), signoff, Live('inProgress')]),
    operation('cancelled', [
      ...published(),
      signoff,
      Live('canceled', { messages: [{ messageHtml: 'Canceled by <i>publisher</i>.', level: 'warning', timestamp: at(3) }] })
    ])
  ]
}

/** A go-live that never ends, for timeouts, cancellation and long soaks. */
export function endlessGoLive(): Body[] {
  return [operation('running', [...published(), signoff, Live('inProgress', { progressPercentage: 5 })])]
}

/** A progression that uses every still-going top-level spelling, then one the action has never seen. */
export function unusualSpellings(): Body[] {
  return [
    operation('notStarted', [signoff]),
    operation('waitingForPublisherReview', [signoff, Live('waitingForApproval')]),
    operation('publishing', [signoff, Live('running')]),
    operation('publishing', [signoff, Live('blocked')]),
    operation('Complete', [signoff, Live('completed')])
  ]
}

/**
 * The steps `GET .../status` shows for an offer state, as in Learn's "Retrieve offer status" sample.
 * `running` is a go-live under way or, with `publishRunning`, a publish still in certification.
 */
export function offerStatusSteps(status: string, publishRunning = false): Body[] {
  switch (status) {
    case 'running':
      return publishRunning
        ? [validate(completed(0)), certify({ status: 'inProgress' }), provision({}), pack({}), signoffStep({}), Live('notStarted')]
        : [...published(), signoff, Live('inProgress', { progressPercentage: 10 })]
    case 'waitingForPublisherReview':
      return [...published(), signoffStep({ status: 'waitingForPublisherReview' }), Live('notStarted')]
    case 'succeeded':
    case 'complete':
    case 'completed':
      return [...published(), signoff, Live('complete', completed(42))]
    case 'failed':
      return [validate(completed(0)), certify({ status: 'rejected' }), provision({}), pack({}), signoffStep({}), Live('notStarted')]
    case 'neverPublished':
      return []
    default:
      return [validate({}), certify({}), provision({}), pack({}), signoffStep({}), Live('notStarted')]
  }
}
