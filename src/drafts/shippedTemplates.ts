// Over 250 lines with a reason: eleven emails written out in two languages, as data.
import { purposeLabels } from '../i18n/draftWords'
import { TemplatePurpose, type DraftTemplate, type TemplateText } from './template'

// How these are written: the case key leads the subject so that replies thread; each paragraph is one line (mail
// apps wrap it to the reader's window); what only the person drafting can know is in [square brackets], to be
// replaced before sending; a sentence that depends on the case is an inline {% if %}, so that no blank lines are
// left behind; every variable used always exists (an empty string when unknown), which strict rendering needs.

const en: Record<TemplatePurpose, TemplateText> = {
  acknowledgement: {
    subject: '[{{ case_key }}] We have received your report: {{ case_title }}',
    body: `Dear {{ reporter_name }},

Thank you for letting {% if organisation != "" %}{{ organisation }}{% else %}us{% endif %} know about a possible vulnerability. We confirm that we received your report "{{ case_title }}" on {{ received }}. It is registered under {{ case_key }}; please keep this reference in the subject line when you write to us about it.

We are now looking into your findings and will send you our evaluation {% if evaluation_due != "" %}by {{ evaluation_due }}{% elsif evaluation_within != "" %}within {{ evaluation_within }} of this confirmation{% else %}as soon as we can{% endif %}. We will treat your report confidentially, and we ask you not to share information about the problem with others until it has been resolved.

If you have more information, such as further steps to reproduce the problem, you can simply reply to this email.

Kind regards,

{{ signature }}
`,
  },
  request_info: {
    subject: '[{{ case_key }}] Request for more information: {{ case_title }}',
    body: `Dear {{ reporter_name }},

Thank you again for your report "{{ case_title }}". To assess it properly, we need some more information from you:

- [What we need, e.g. the exact steps to reproduce the problem, the affected URL or version, or a proof of concept]

Could you reply to this email with these details? We will continue our assessment as soon as we have received them.

Kind regards,

{{ signature }}
`,
  },
  evaluation: {
    subject: '[{{ case_key }}] Our evaluation of your report: {{ case_title }}',
    body: `Dear {{ reporter_name }},

Thank you for your patience. We have evaluated your report "{{ case_title }}"{% if asset != "" %} about {{ asset }}{% endif %}.

[The outcome: whether we could reproduce the problem, its impact, and what we will do about it.]{% if severity != "" %} We have rated its severity as {{ severity }}.{% endif %}

{% if expected_resolution_date != "" %}We expect to have resolved the problem by {{ expected_resolution_date }}.{% else %}We cannot yet say when the problem will be resolved; we will let you know an expected resolution date as soon as we can.{% endif %} We will keep you informed of our progress{% if update_interval != "" %} at least every {{ update_interval }}{% endif %}, and we will let you know when the fix has been released. Until then, we ask you not to share information about the problem with others.

Kind regards,

{{ signature }}
`,
  },
  progress_update: {
    subject: '[{{ case_key }}] Progress update: {{ case_title }}',
    body: `Dear {{ reporter_name }},

We would like to update you on the progress of your report "{{ case_title }}".

[The progress: what has been done since our last message, and what remains to be done.]

{% if previous_resolution_date != "" %}Unfortunately, we {% if previous_resolution_passed != "" %}have not been{% else %}will not be{% endif %} able to resolve the problem by {{ previous_resolution_date }}, the date we gave you. We now expect to have resolved it by {{ expected_resolution_date }}, and we apologise for the delay.{% elsif previous_resolution_passed != "" %}Unfortunately, we have not been able to resolve the problem by {{ expected_resolution_date }}, the date we gave you. We will let you know a new date as soon as we can, and we apologise for the delay.{% elsif expected_resolution_date != "" %}We expect to have resolved the problem by {{ expected_resolution_date }}.{% else %}We cannot yet say when the problem will be resolved; we will let you know as soon as we can.{% endif %} We will keep you informed{% if update_interval != "" %} and send you our next update within {{ update_interval }}{% endif %}.

Kind regards,

{{ signature }}
`,
  },
  fix_released: {
    subject: '[{{ case_key }}] The problem you reported has been fixed: {{ case_title }}',
    body: `Dear {{ reporter_name }},

We are pleased to let you know that we have released a fix for the problem in your report "{{ case_title }}"{% if asset != "" %} about {{ asset }}{% endif %}.

[The fix in a sentence, e.g. the version or date in which it was released.]

You are welcome to check the fix; please let us know if the problem still occurs. We will contact you separately about making the problem public.

Thank you again for reporting it to us, and for your patience while we worked on it.

Kind regards,

{{ signature }}
`,
  },
  publication_consultation: {
    subject: '[{{ case_key }}] Publication of the problem you reported: {{ case_title }}',
    body: `Dear {{ reporter_name }},

Now that the problem in your report "{{ case_title }}" has been resolved, we would like to consult you on its publication.

{% if publication_date != "" %}We propose to publish information about the problem on {{ publication_date }}.{% else %}We would like to agree with you on a date and time for publishing information about the problem.{% endif %} [What will be published and where, e.g. a security advisory on our website.]

{% if credit_choice == "declined" %}As you asked, we will not name you in the publication.{% elsif credit_choice == "not_asked" %}Unless you prefer otherwise, we will credit you in the publication as {{ credit_line }}. Please let us know if you would like to be named differently, or not at all.{% else %}We will credit you in the publication as {{ credit_line }}.{% endif %}

Could you let us know whether you agree with this proposal{% if publication_date != "" %}, or whether you would prefer another moment{% endif %}? Until the moment we agree on, we ask you not to publish anything about the problem.

Kind regards,

{{ signature }}
`,
  },
  credit_confirmation: {
    subject: '[{{ case_key }}] How we will credit you: {{ case_title }}',
    body: `Dear {{ reporter_name }},

Thank you again for your report "{{ case_title }}". In our Hall of Fame and in the publication about the problem, we name the people who report problems that require us to act.

{% if credit_choice == "declined" %}You told us that you would prefer not to be credited, so we will not name you. If you change your mind, just let us know.{% elsif credit_choice == "not_asked" %}Unless you prefer otherwise, we will list you as {{ credit_line }}. Please let us know if you would like to be named differently, for example by a handle, with a link or anonymously, or if you would rather not be listed at all.{% else %}We confirm that we will list you as {{ credit_line }}. If you would like this changed, please let us know.{% endif %}

Kind regards,

{{ signature }}
`,
  },
  reward_decision: {
    subject: '[{{ case_key }}] A reward for your report: {{ case_title }}',
    body: `Dear {{ reporter_name }},

Thank you again for your report "{{ case_title }}", and for reporting it to us responsibly.

{% if reward != "" %}As a token of our gratitude, we would like to offer you {{ reward }}. [How the reward will be paid or sent, and what we need from you for it, e.g. payment details or a postal address.]{% else %}We have considered whether your report qualifies for a reward. [The decision and the reason for it.]{% endif %}

Kind regards,

{{ signature }}
`,
  },
  not_vulnerability: {
    subject: '[{{ case_key }}] The outcome of your report: {{ case_title }}',
    body: `Dear {{ reporter_name }},

Thank you for taking the time to report "{{ case_title }}" to us. We have looked into it carefully.

We have concluded that it does not pose a security risk that requires action from us. [Why, e.g. the behaviour is intended, the impact is negligible, or the system is outside the scope of our policy.]

We will therefore close this report. If you believe we have misjudged it, or you have information that shows a greater impact, please reply to this email and we will look at it again.

We appreciate your effort to help keep our systems secure.

Kind regards,

{{ signature }}
`,
  },
  duplicate: {
    subject: '[{{ case_key }}] The problem you reported was already known to us: {{ case_title }}',
    body: `Dear {{ reporter_name }},

Thank you for your report "{{ case_title }}". After looking into it, we found that the same problem was already known to us before we received your report on {{ received }}. [Optional: what is being done about it, e.g. that a fix is being prepared.]

We will therefore close your report as a duplicate. We appreciate your effort nonetheless, and we hope you will keep reporting the problems you find to us.

Kind regards,

{{ signature }}
`,
  },
  closing: {
    subject: '[{{ case_key }}] Closing your report: {{ case_title }}',
    body: `Dear {{ reporter_name }},

With this message, we are closing your report "{{ case_title }}" on our side. [The outcome in a sentence or two, e.g. the fix and the publication.]

Thank you for reporting the problem to us responsibly and for your cooperation. If you have any further questions, you can reply to this email, quoting {{ case_key }}.

Kind regards,

{{ signature }}
`,
  },
}

const nl: Record<TemplatePurpose, TemplateText> = {
  acknowledgement: {
    subject: '[{{ case_key }}] Ontvangstbevestiging van uw melding: {{ case_title }}',
    body: `Beste {{ reporter_name }},

Hartelijk dank dat u {% if organisation != "" %}{{ organisation }}{% else %}ons{% endif %} op de hoogte heeft gebracht van een mogelijke kwetsbaarheid. Wij bevestigen dat wij uw melding "{{ case_title }}" op {{ received }} hebben ontvangen. Uw melding is geregistreerd onder {{ case_key }}; wilt u dit kenmerk in de onderwerpregel vermelden als u ons hierover schrijft?

Wij onderzoeken uw bevindingen en sturen u {% if evaluation_due != "" %}uiterlijk {{ evaluation_due }}{% elsif evaluation_within != "" %}binnen {{ evaluation_within }} na deze bevestiging{% else %}zo spoedig mogelijk{% endif %} onze beoordeling. Wij behandelen uw melding vertrouwelijk en vragen u om informatie over het probleem niet met anderen te delen totdat het is opgelost.

Heeft u aanvullende informatie, bijvoorbeeld verdere stappen om het probleem te reproduceren? Dan kunt u eenvoudig op deze e-mail reageren.

Met vriendelijke groet,

{{ signature }}
`,
  },
  request_info: {
    subject: '[{{ case_key }}] Verzoek om aanvullende informatie: {{ case_title }}',
    body: `Beste {{ reporter_name }},

Nogmaals dank voor uw melding "{{ case_title }}". Om deze goed te kunnen beoordelen, hebben wij meer informatie van u nodig:

- [Wat wij nodig hebben, bijvoorbeeld de precieze stappen om het probleem te reproduceren, de betrokken URL of versie, of een proof of concept]

Wilt u deze gegevens sturen in een antwoord op deze e-mail? Zodra wij ze hebben ontvangen, zetten wij onze beoordeling voort.

Met vriendelijke groet,

{{ signature }}
`,
  },
  evaluation: {
    subject: '[{{ case_key }}] Onze beoordeling van uw melding: {{ case_title }}',
    body: `Beste {{ reporter_name }},

Dank voor uw geduld. Wij hebben uw melding "{{ case_title }}"{% if asset != "" %} over {{ asset }}{% endif %} beoordeeld.

[De uitkomst: of wij het probleem konden reproduceren, wat de gevolgen zijn en welke maatregelen wij nemen.]{% if severity != "" %} Wij schatten de ernst in als {{ severity }}.{% endif %}

{% if expected_resolution_date != "" %}Wij verwachten het probleem uiterlijk {{ expected_resolution_date }} te hebben opgelost.{% else %}Wij kunnen nog niet zeggen wanneer het probleem is opgelost; wij laten u zo spoedig mogelijk een verwachte hersteldatum weten.{% endif %} Wij houden u op de hoogte van de voortgang{% if update_interval != "" %}, ten minste eens per {{ update_interval }}{% endif %}, en laten u weten wanneer de oplossing beschikbaar is. Wij vragen u om tot die tijd geen informatie over het probleem met anderen te delen.

Met vriendelijke groet,

{{ signature }}
`,
  },
  progress_update: {
    subject: '[{{ case_key }}] Voortgang van uw melding: {{ case_title }}',
    body: `Beste {{ reporter_name }},

Graag informeren wij u over de voortgang van uw melding "{{ case_title }}".

[De voortgang: wat er sinds ons vorige bericht is gedaan en wat er nog moet gebeuren.]

{% if previous_resolution_date != "" %}Helaas {% if previous_resolution_passed != "" %}is het ons niet gelukt{% else %}lukt het ons niet{% endif %} om het probleem op te lossen vóór {{ previous_resolution_date }}, de datum die wij u eerder noemden. Wij verwachten het nu uiterlijk {{ expected_resolution_date }} te hebben opgelost; onze excuses voor de vertraging.{% elsif previous_resolution_passed != "" %}Helaas is het ons niet gelukt om het probleem op te lossen vóór {{ expected_resolution_date }}, de datum die wij u eerder noemden. Wij laten u zo spoedig mogelijk een nieuwe datum weten; onze excuses voor de vertraging.{% elsif expected_resolution_date != "" %}Wij verwachten het probleem uiterlijk {{ expected_resolution_date }} te hebben opgelost.{% else %}Wij kunnen nog niet zeggen wanneer het probleem is opgelost; wij laten u dit zo spoedig mogelijk weten.{% endif %} Wij houden u op de hoogte{% if update_interval != "" %} en sturen u binnen {{ update_interval }} een volgend voortgangsbericht{% endif %}.

Met vriendelijke groet,

{{ signature }}
`,
  },
  fix_released: {
    subject: '[{{ case_key }}] Het door u gemelde probleem is opgelost: {{ case_title }}',
    body: `Beste {{ reporter_name }},

Met genoegen laten wij u weten dat wij een oplossing hebben uitgebracht voor het probleem uit uw melding "{{ case_title }}"{% if asset != "" %} over {{ asset }}{% endif %}.

[De oplossing in een zin, bijvoorbeeld de versie of de datum waarin deze is uitgebracht.]

U bent van harte welkom om de oplossing te controleren; laat het ons gerust weten als het probleem zich nog voordoet. Over het openbaar maken van het probleem nemen wij apart contact met u op.

Nogmaals hartelijk dank voor uw melding en voor uw geduld terwijl wij aan de oplossing werkten.

Met vriendelijke groet,

{{ signature }}
`,
  },
  publication_consultation: {
    subject: '[{{ case_key }}] Publicatie van het door u gemelde probleem: {{ case_title }}',
    body: `Beste {{ reporter_name }},

Nu het probleem uit uw melding "{{ case_title }}" is opgelost, willen wij graag met u overleggen over de publicatie ervan.

{% if publication_date != "" %}Wij stellen voor om op {{ publication_date }} informatie over het probleem te publiceren.{% else %}Wij willen graag met u een datum en tijdstip afspreken waarop wij informatie over het probleem publiceren.{% endif %} [Wat er wordt gepubliceerd en waar, bijvoorbeeld een security advisory op onze website.]

{% if credit_choice == "declined" %}Zoals u heeft aangegeven, noemen wij uw naam niet in de publicatie.{% elsif credit_choice == "not_asked" %}Tenzij u dat anders wilt, vermelden wij u in de publicatie als {{ credit_line }}. Laat het ons weten als u anders, of liever helemaal niet, vermeld wilt worden.{% else %}Wij vermelden u in de publicatie als {{ credit_line }}.{% endif %}

Wilt u ons laten weten of u met dit voorstel instemt{% if publication_date != "" %}, of dat u de voorkeur geeft aan een ander moment{% endif %}? Wij vragen u om tot het moment dat wij afspreken niets over het probleem te publiceren.

Met vriendelijke groet,

{{ signature }}
`,
  },
  credit_confirmation: {
    subject: '[{{ case_key }}] Uw vermelding: {{ case_title }}',
    body: `Beste {{ reporter_name }},

Nogmaals dank voor uw melding "{{ case_title }}". Wie ons een probleem meldt waarvoor wij actie moeten ondernemen, noemen wij in onze Hall of Fame en in de publicatie over het probleem.

{% if credit_choice == "declined" %}U heeft aangegeven dat u niet vermeld wilt worden; wij noemen uw naam daarom niet. Mocht u van gedachten veranderen, laat het ons dan weten.{% elsif credit_choice == "not_asked" %}Tenzij u dat anders wilt, vermelden wij u als {{ credit_line }}. Laat het ons weten als u anders vermeld wilt worden, bijvoorbeeld met een schuilnaam, met een link of anoniem, of als u liever helemaal niet vermeld wordt.{% else %}Wij bevestigen dat wij u vermelden als {{ credit_line }}. Wilt u dit anders, laat het ons dan weten.{% endif %}

Met vriendelijke groet,

{{ signature }}
`,
  },
  reward_decision: {
    subject: '[{{ case_key }}] Beloning voor uw melding: {{ case_title }}',
    body: `Beste {{ reporter_name }},

Nogmaals dank voor uw melding "{{ case_title }}" en voor de verantwoorde manier waarop u het probleem heeft gemeld.

{% if reward != "" %}Als blijk van waardering bieden wij u graag {{ reward }} aan. [Hoe de beloning wordt uitbetaald of verstuurd en wat wij daarvoor van u nodig hebben, bijvoorbeeld betaalgegevens of een postadres.]{% else %}Wij hebben overwogen of uw melding in aanmerking komt voor een beloning. [Het besluit en de reden ervoor.]{% endif %}

Met vriendelijke groet,

{{ signature }}
`,
  },
  not_vulnerability: {
    subject: '[{{ case_key }}] Uitkomst van uw melding: {{ case_title }}',
    body: `Beste {{ reporter_name }},

Hartelijk dank dat u de moeite heeft genomen om "{{ case_title }}" bij ons te melden. Wij hebben uw melding zorgvuldig bekeken.

Wij zijn tot de conclusie gekomen dat dit geen beveiligingsrisico vormt waarvoor wij maatregelen moeten nemen. [Waarom, bijvoorbeeld omdat het gedrag zo bedoeld is, de gevolgen verwaarloosbaar zijn of het systeem buiten de scope van ons beleid valt.]

Wij sluiten deze melding daarom af. Bent u van mening dat wij de melding verkeerd hebben beoordeeld, of heeft u informatie waaruit grotere gevolgen blijken? Laat het ons dan weten in een antwoord op deze e-mail; wij kijken er graag opnieuw naar.

Wij waarderen uw inzet om onze systemen veilig te houden.

Met vriendelijke groet,

{{ signature }}
`,
  },
  duplicate: {
    subject: '[{{ case_key }}] Het gemelde probleem was al bij ons bekend: {{ case_title }}',
    body: `Beste {{ reporter_name }},

Hartelijk dank voor uw melding "{{ case_title }}". Na onderzoek blijkt dat hetzelfde probleem al bij ons bekend was voordat wij uw melding op {{ received }} ontvingen. [Desgewenst wat eraan wordt gedaan, bijvoorbeeld dat er aan een oplossing wordt gewerkt.]

Wij sluiten uw melding daarom af als dubbele melding. Wij waarderen uw inzet niettemin en hopen dat u problemen die u vindt ook in de toekomst bij ons blijft melden.

Met vriendelijke groet,

{{ signature }}
`,
  },
  closing: {
    subject: '[{{ case_key }}] Afsluiting van uw melding: {{ case_title }}',
    body: `Beste {{ reporter_name }},

Met dit bericht sluiten wij uw melding "{{ case_title }}" aan onze kant af. [De uitkomst in een of twee zinnen, bijvoorbeeld de oplossing en de publicatie.]

Hartelijk dank voor uw verantwoorde melding en uw medewerking. Heeft u nog vragen, dan kunt u op deze e-mail reageren onder vermelding van {{ case_key }}.

Met vriendelijke groet,

{{ signature }}
`,
  },
}

/** One template per purpose, its id the purpose's name, named as the template picker lists it. */
export const shippedTemplates: readonly DraftTemplate[] = TemplatePurpose.options.map((purpose) => ({
  id: purpose,
  name: purposeLabels.en[purpose],
  purpose,
  texts: { en: en[purpose], nl: nl[purpose] },
}))
