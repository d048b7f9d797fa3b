import type { Policy, PolicyRule } from './policy'

// The policies as published, word for word: the app ships without the source files, and every rule's quote must be
// found in this text. Trailing spaces are the publisher's and stay.
const aimmsText = `AIMMS Responsible Disclosure Policy
===========================================

Despite all our efforts, it can happen that a vulnerability exists in one of our products or services. AIMMS welcomes reports of security researchers and experts on possible vulnerabilities. If you discover a vulnerability, we would like to know about it so we can take steps to address it as quickly as possible. Help us to better protect our users by sending our security team a report containing information and detailed instructions on how to reproduce the problem. 

Please report your findings to security@aimms.com.

Not permitted
-------------

* Carrying out attacks with the aim of making our services unreachable. For example, through attacks on physical security or (Distributed) Denial of Service attacks.
* Using phishing or other forms of Social Engineering against our employees.
* Exploiting Found Vulnerabilities Beyond a Proof of Concept.
* Unnecessarily extracting, modifying and/or deleting data via unauthorized access.

What we like
------------

* Make sure our customers are not inconvenienced or otherwise affected by your research.
* Report a found vulnerability as soon as possible.
* Do provide sufficient information to reproduce the problem, so we will be able to resolve it as quickly as possible.
* Do not reveal the problem to others until it has been resolved.
    
What we promise
---------------

* We will respond to your report within 15 business days with our evaluation of the report and an expected resolution date.
* If you have followed the instructions above, we will not take any legal action against you regarding the report.
* We will handle your report with strict confidentiality, and not pass on your personal details to third parties without your permission.
* We will keep you informed of the progress towards resolving the problem.
* In the public information concerning the problem reported, we will give your name as the discoverer of the problem (unless you desire otherwise).
* We strive to resolve all problems as quickly as possible, and we would like to play an active role in the ultimate publication on the problem after it is resolved.

Hall of Fame
------------

Here we will list the names of people who reported issues that required us to act.`

// The IKUU source page ends with a line of the web site's footer ("mautic is open source marketing automation"),
// which is not part of the policy and is left out here.
const ikuuText = `If you identify a security problem in one of our ICT systems or websites please notify us without delay on info@ikuu.io before disclosing the security problem to the outside world, enabling us to take prompt measures. This is known as responsible disclosure.

How to notify us

If you have identified a security problem in one of our ICT systems or websites, please proceed as follows:

● Send us your notification without delay on info@ikuu.io. See our contact page for more information.

● Do not share any information about the identified security problem with third parties until it has been resolved.

● Please give us a clear description of how and when the problem occurs and how it can be reproduced.

● Act responsibly in dealing with your knowledge of the security problem. Do not take any any actions that go beyond what is needed to demonstrate the problem. Do not use the security problem to your own advantage and do not store any confidential data obtained as a result of the problem.

● State your contact details (email address or telephone number) so that we can keep you updated on the status of the problem.
If your notification meets these requirements, there will not be any legal consequences.

How will we treat your Responsible Disclosure notification?

If you notify us of a security problem in an ICT system or website, we will treat your notification as follows.

● Our Information Desk will confirm receipt within two business days.

● We will send you our response within three days of the confirmation of receipt, setting out our assessment of the issue and the expected resolution date. We will provide you with progress reports.

● We will always treat your notification confidentially and will never share your personal data with third parties, except when obliged to do so by law or pursuant to a court ruling.

● We consult you on whether and how the issue is to be made public. We will never do so before the problem has been resolved. If we make the issue public, we will give you credit for identifying it, if you wish.

● We will reward you as a token of our gratitude. The reward will depend on the gravity and scale of the identified problem.`

/** Both policies promise progress reports without an interval; both presets read them the same way. */
function progressRule(id: string, quote: string): PolicyRule {
  return {
    id,
    due: 'progress_update',
    quote,
    reading:
      'The policy gives no interval. Read as: an update every 10 business days, the first counted from the evaluation ' +
      'and each next one from the previous update, until the fix is released; telling the reporter the fix is out ' +
      'counts as the last update. Change the interval to suit your team.',
    from: 'evaluation_sent',
    metBy: 'progress_update_sent',
    amount: 10,
    unit: 'business_days',
    onDayOff: 'next_business_day',
    repeatsUntil: 'fix_released',
  }
}

export const aimmsPolicy: Policy = {
  id: 'aimms',
  name: 'AIMMS Responsible Disclosure Policy',
  text: aimmsText,
  rules: [
    {
      id: 'evaluation',
      due: 'evaluation',
      quote:
        'We will respond to your report within 15 business days with our evaluation of the report and an expected resolution date.',
      reading: '',
      from: 'received',
      metBy: 'evaluation_sent',
      amount: 15,
      unit: 'business_days',
      onDayOff: 'next_business_day',
    },
    progressRule('progress-updates', 'We will keep you informed of the progress towards resolving the problem.'),
    {
      id: 'credit',
      due: 'credit_confirmation',
      quote:
        'In the public information concerning the problem reported, we will give your name as the discoverer of the problem (unless you desire otherwise).',
      reading:
        'No time limit. Read as: confirm with the reporter how they want to be named, or that they do not, before anything is published.',
      from: 'received',
      metBy: 'credit_confirmed',
      amount: null,
      unit: 'business_days',
      onDayOff: 'next_business_day',
      before: 'published',
    },
    {
      id: 'publication',
      due: 'publication_consultation',
      quote:
        'We strive to resolve all problems as quickly as possible, and we would like to play an active role in the ultimate publication on the problem after it is resolved.',
      reading:
        'No time limit, and "as quickly as possible" sets no date for the fix. Read as: agree the publication with the reporter before anything is published.',
      from: 'received',
      metBy: 'publication_consulted',
      amount: null,
      unit: 'business_days',
      onDayOff: 'next_business_day',
      before: 'published',
    },
  ],
}

export const ikuuPolicy: Policy = {
  id: 'ikuu',
  name: 'IKUU Responsible Disclosure',
  text: ikuuText,
  rules: [
    {
      id: 'acknowledgement',
      due: 'acknowledgement',
      quote: 'Our Information Desk will confirm receipt within two business days.',
      reading: '',
      from: 'received',
      metBy: 'acknowledgement_sent',
      amount: 2,
      unit: 'business_days',
      onDayOff: 'next_business_day',
    },
    {
      id: 'evaluation',
      due: 'evaluation',
      quote:
        'We will send you our response within three days of the confirmation of receipt, setting out our assessment of the issue and the expected resolution date.',
      reading:
        '"Three days" does not say which days. Read as business days, like the two business days of the sentence before; ' +
        'switch to calendar days for the strict reading. Counted in calendar days, a last day on a weekend or holiday ' +
        'moves to the next business day, as the Dutch General Time Limits Act (Algemene termijnenwet) does.',
      from: 'acknowledgement_sent',
      metBy: 'evaluation_sent',
      amount: 3,
      unit: 'business_days',
      onDayOff: 'next_business_day',
    },
    progressRule('progress-reports', 'We will provide you with progress reports.'),
    {
      id: 'publication',
      due: 'publication_consultation',
      quote: 'We consult you on whether and how the issue is to be made public.',
      reading: 'No time limit: before the issue is made public, which the policy rules out until the problem is resolved.',
      from: 'received',
      metBy: 'publication_consulted',
      amount: null,
      unit: 'business_days',
      onDayOff: 'next_business_day',
      before: 'published',
    },
    {
      id: 'credit',
      due: 'credit_confirmation',
      quote: 'If we make the issue public, we will give you credit for identifying it, if you wish.',
      reading: 'No time limit. Read as: ask whether and how the reporter wants to be credited before the issue is made public.',
      from: 'received',
      metBy: 'credit_confirmed',
      amount: null,
      unit: 'business_days',
      onDayOff: 'next_business_day',
      before: 'published',
    },
    {
      id: 'reward',
      due: 'reward_decision',
      quote:
        'We will reward you as a token of our gratitude. The reward will depend on the gravity and scale of the identified problem.',
      reading:
        'No time limit. Read as: decide the reward once the evaluation has set out the gravity and scale of the problem.',
      from: 'evaluation_sent',
      metBy: 'reward_decided',
      amount: null,
      unit: 'business_days',
      onDayOff: 'next_business_day',
    },
  ],
}

export const presetPolicies: readonly Policy[] = [aimmsPolicy, ikuuPolicy]
