"""Seed data for the portal: tags, AI makers and editorial updates.

Every summary below is written in our own words; ``source_url`` points to the
original announcement (or to the maker's news page when the exact address is
not certain).
"""
from __future__ import annotations

TAGS = [
    {"slug": "model", "en": "model", "nl": "model"},
    {"slug": "apps", "en": "apps", "nl": "apps"},
    {"slug": "video", "en": "video", "nl": "video"},
    {"slug": "pricing", "en": "pricing", "nl": "prijzen"},
    {"slug": "policy", "en": "policy", "nl": "beleid"},
    {"slug": "open-weights", "en": "open weights", "nl": "open gewichten"},
    {"slug": "safety", "en": "safety", "nl": "veiligheid"},
    {"slug": "agents", "en": "agents", "nl": "agents"},
    {"slug": "coding", "en": "coding", "nl": "programmeren"},
    {"slug": "research", "en": "research", "nl": "onderzoek"},
    {"slug": "api", "en": "API", "nl": "API"},
    {"slug": "enterprise", "en": "enterprise", "nl": "zakelijk"},
    {"slug": "image", "en": "image", "nl": "beeld"},
    {"slug": "voice", "en": "voice", "nl": "spraak"},
    {"slug": "europe", "en": "Europe", "nl": "Europa"},
    {"slug": "hardware", "en": "hardware", "nl": "hardware"},
    {"slug": "reasoning", "en": "reasoning", "nl": "redeneren"},
    {"slug": "multimodal", "en": "multimodal", "nl": "multimodaal"},
    {"slug": "small-models", "en": "small models", "nl": "kleine modellen"},
]

MAKERS = [
    {
        "slug": "openai",
        "name": "OpenAI",
        "website": "https://openai.com/",
        "news_url": "https://openai.com/news/",
        "description": {
            "en": "The San Francisco lab behind ChatGPT, the GPT model family and the Sora video generator.",
            "nl": "Het lab uit San Francisco achter ChatGPT, de GPT-modellen en videogenerator Sora.",
        },
    },
    {
        "slug": "google",
        "name": "Google",
        "website": "https://ai.google/",
        "news_url": "https://blog.google/technology/ai/",
        "description": {
            "en": "Google and its DeepMind research unit build the Gemini models and weave them into Search, Android and Workspace.",
            "nl": "Google en onderzoeksafdeling DeepMind bouwen de Gemini-modellen en verwerken die in Zoeken, Android en Workspace.",
        },
    },
    {
        "slug": "anthropic",
        "name": "Anthropic",
        "website": "https://www.anthropic.com/",
        "news_url": "https://www.anthropic.com/news",
        "description": {
            "en": "A safety-focused AI company that develops the Claude family of models and assistants.",
            "nl": "Een op veiligheid gericht AI-bedrijf dat de Claude-modellen en -assistenten ontwikkelt.",
        },
    },
    {
        "slug": "mistral",
        "name": "Mistral AI",
        "website": "https://mistral.ai/",
        "news_url": "https://mistral.ai/news/",
        "description": {
            "en": "A Paris-based company known for efficient open-weight models and the Le Chat assistant.",
            "nl": "Een Parijs bedrijf dat bekendstaat om efficiënte open modellen en de assistent Le Chat.",
        },
    },
    {
        "slug": "meta",
        "name": "Meta",
        "website": "https://ai.meta.com/",
        "news_url": "https://ai.meta.com/blog/",
        "description": {
            "en": "The owner of Facebook, Instagram and WhatsApp, and publisher of the openly available Llama models.",
            "nl": "Het moederbedrijf van Facebook, Instagram en WhatsApp, en uitgever van de vrij beschikbare Llama-modellen.",
        },
    },
    {
        "slug": "microsoft",
        "name": "Microsoft",
        "website": "https://www.microsoft.com/en-us/ai",
        "news_url": "https://blogs.microsoft.com/ai/",
        "description": {
            "en": "OpenAI's largest partner, which ships Copilot across its products and trains the small Phi models.",
            "nl": "De grootste partner van OpenAI, die Copilot in al zijn producten stopt en de kleine Phi-modellen traint.",
        },
    },
    {
        "slug": "deepseek",
        "name": "DeepSeek",
        "website": "https://www.deepseek.com/",
        "news_url": "https://api-docs.deepseek.com/news/",
        "description": {
            "en": "A Chinese lab from Hangzhou that releases strong, cheaply trained models with open weights.",
            "nl": "Een Chinees lab uit Hangzhou dat sterke, goedkoop getrainde modellen met open gewichten uitbrengt.",
        },
    },
    {
        "slug": "xai",
        "name": "xAI",
        "website": "https://x.ai/",
        "news_url": "https://x.ai/news",
        "description": {
            "en": "Elon Musk's AI company, which builds the Grok models and chatbot integrated into X.",
            "nl": "Het AI-bedrijf van Elon Musk dat de Grok-modellen en de chatbot in X bouwt.",
        },
    },
]

UPDATES = [
    {
        "maker": "openai",
        "type": "article",
        "published": "2025-07-11",
        "source_url": "https://openai.com/global-affairs/eu-code-of-practice/",
        "audience": "developers",
        "level": "expert",
        "importance": 3,
        "author": "OpenAI",
        "tags": ["model", "apps", "video", "pricing"],
        "en": {
            "title": "The EU Code of Practice and future of AI in Europe",
            "lede": "OpenAI joins the EU Code of Practice, advancing responsible AI while partnering with European governments to drive innovation, infrastructure, and economic growth.",
            "body": """## Why this matters

OpenAI says it will sign the European Union's Code of Practice for general-purpose AI, the voluntary rulebook the European Commission published in July 2025 to help model providers meet their duties under the AI Act. On paper this is a compliance story. In practice it is also a positioning move: OpenAI presents itself as a partner to European governments at the very moment the bloc is deciding how strictly, and how quickly, it wants to enforce its new AI rules.

For readers who build on OpenAI's models or buy ChatGPT seats for a team, nothing changes overnight. The API works the same way, prices are untouched and no feature disappears. What does change is the frame around those products in Europe. A provider that signs the Code tells regulators, customers and competitors how it intends to document its models, handle copyright questions and manage the risks of its most capable systems.

## What the Code of Practice is

The AI Act entered into force in August 2024, but its duties arrive in stages. The rules for providers of general-purpose AI models — the large models behind chatbots, coding tools and image generators — apply from 2 August 2025. The law itself is written in broad terms, so the Commission asked independent experts to draft a more concrete code through a long consultation with industry, academics and civil society.

The result is organised in three chapters:

- **Transparency**: providers keep documentation about how a model was built and what it can do, and share the relevant parts with the new EU AI Office and with companies that build the model into their own products.
- **Copyright**: providers commit to a policy for respecting EU copyright law, including honouring machine-readable opt-outs from rights holders when they crawl the web for training data.
- **Safety and security**: a smaller group of providers whose models could pose systemic risks commit to assessing and reducing those risks, reporting serious incidents and protecting their systems against misuse and theft.

Signing is voluntary. The Commission's argument is that companies that follow the Code get a simpler route to showing they comply, while those that stay away must prove compliance in other ways and can expect more questions.

## What OpenAI is actually promising

OpenAI frames its signature as a continuation of work it says it already does: publishing system cards, running safety evaluations before launches and working under its own Preparedness Framework. That framing matters. The company signals that it does not expect the Code to force a dramatic change in how it ships models, but rather to formalise existing practice in a way European regulators can check.

The post also goes beyond compliance. OpenAI pairs the signature with a broader pitch about investment: computing capacity in Europe, partnerships with national governments and programmes that help European start-ups and public services adopt AI. The message is that regulation and growth should travel together, and that OpenAI wants a seat at the table for both.

It is worth reading this with some healthy distance. A voluntary code is only as strong as its follow-up, and much of the detail will be settled in how the AI Office handles documentation requests, incident reports and copyright complaints over the next two years. The AI Office can only start imposing fines from August 2026, and models that were already on the market before August 2025 have until August 2027 to comply.

## How it fits the wider picture

OpenAI is not alone, but the industry response has been uneven. Several large providers said they would sign, some with reservations, while Meta publicly declined, arguing that the Code goes further than the AI Act itself and creates legal uncertainty. That split is useful for readers: it shows that companies see the Code less as a technical checklist and more as a political choice about how to relate to Brussels.

For OpenAI, signing early has clear advantages. It builds goodwill with policymakers who are still drafting guidance, it reassures enterprise customers in regulated sectors such as finance, health and government, and it puts pressure on rivals who hesitate. The risk is that commitments made today become harder to walk back if the rules tighten later.

There is also a European sovereignty angle. Governments in Paris, Berlin and elsewhere want home-grown champions such as Mistral to thrive. A US company that visibly aligns itself with EU rules and promises local investment makes it harder to argue that American providers are a regulatory problem, and easier for European buyers to justify choosing them.

## What remains unclear

Several practical details are still open. The Commission and the member states have to formally assess whether the Code is adequate, the AI Office is still hiring and building its processes, and guidance on which models count as posing systemic risk will keep evolving. It is also not yet clear how much of the documentation shared with the AI Office will ever become public. Anyone who expects a complete picture of how OpenAI trains its models will probably be disappointed; the Code mainly creates channels between providers, regulators and business customers.

## What it means for different readers

**Developers** building on the OpenAI API should expect more documentation to appear over time: model cards, usage guidance and the public summaries of training data that the AI Act asks providers to publish. Downstream developers who fine-tune or integrate a model may have obligations of their own, so it pays to follow what OpenAI shares and to keep that information with your own compliance records.

**Businesses** that buy ChatGPT Team or Enterprise seats can treat the signature as one input in procurement. It does not replace your own risk assessment, but it gives legal and security teams a reference point. If you are weighing a subscription change, check whether your contract mentions AI Act support, data residency and how incidents will be communicated.

**Policymakers and researchers** will want to watch the gap between promise and practice: how detailed the published training-data summaries are, how copyright opt-outs are handled, and whether serious-incident reporting produces anything the public can actually see.

**Everyday users** will notice little directly. The practical effects — clearer labels, more information about what a model can and cannot do — tend to arrive slowly and quietly.

## Our reading

This is a meaningful but measured step. OpenAI gains credibility in Europe at a relatively low cost, because many of the Code's demands resemble practices the company already advertises. The real test comes later, when the AI Office starts asking detailed questions and when the next generation of models is released under the new regime.

Three questions will decide how significant the announcement turns out to be:

- Will the documentation OpenAI shares with downstream users be detailed enough to help them meet their own obligations?
- Will the copyright commitments change how training data is gathered, or mostly confirm existing opt-out mechanisms?
- Will the investment promises turn into concrete capacity and partnerships in European countries, with timelines people can check?

Until those answers arrive, treat this as a signal of intent rather than a finished transformation. It belongs on the list of things to revisit once the first reports under the AI Act appear and once teams have worked with the new documentation in practice.

## What to do now

If you are responsible for AI tools in an organisation, this is a good moment to take stock. List which general-purpose models you use, note which providers have signed the Code, and ask your vendors how they plan to support you under the AI Act. If you are about to renew or change a plan, make those questions part of the conversation. The rules are arriving gradually, and the teams that prepare calmly now will face far fewer surprises later.
""",
            "impact": "Worth checking before choosing or changing a subscription.",
            "takeaways": [
                "Track this as a OpenAI update, not just a standalone headline.",
                "Check plan details before changing subscriptions or advising a team.",
                "Likely worth revisiting after people have used the release in practice.",
            ],
        },
        "nl": {
            "title": "The EU Code of Practice and future of AI in Europe",
            "lede": "OpenAI sluit zich aan bij de Europese gedragscode voor AI en wil samen met Europese overheden werken aan innovatie, infrastructuur en economische groei.",
            "body": """## Waarom dit ertoe doet

OpenAI gaat de Europese gedragscode voor AI-modellen voor algemene doeleinden ondertekenen. Dat is het vrijwillige regelboek dat de Europese Commissie in juli 2025 publiceerde om aanbieders van grote modellen te helpen aan de AI-verordening te voldoen. Op papier is dit een verhaal over naleving. In de praktijk is het ook een strategische zet: OpenAI presenteert zich als partner van Europese overheden, precies op het moment dat de EU bepaalt hoe streng en hoe snel ze haar nieuwe AI-regels wil handhaven.

Wie bouwt op de modellen van OpenAI of ChatGPT-licenties voor een team afneemt, merkt er vandaag niets van. De API werkt hetzelfde, de prijzen blijven gelijk en er verdwijnt geen functie. Wat wel verandert, is het kader rond die producten in Europa. Een aanbieder die de code tekent, vertelt toezichthouders, klanten en concurrenten hoe hij zijn modellen wil documenteren, met auteursrecht wil omgaan en de risico's van zijn krachtigste systemen wil beheersen.

## Wat de gedragscode precies is

De AI-verordening is in augustus 2024 in werking getreden, maar de verplichtingen komen stap voor stap. De regels voor aanbieders van AI-modellen voor algemene doeleinden — de grote modellen achter chatbots, programmeerhulpen en beeldgeneratoren — gelden vanaf 2 augustus 2025. De wet zelf is in brede termen geschreven. Daarom liet de Commissie onafhankelijke experts een concretere code opstellen, na een lange consultatie met bedrijven, wetenschappers en maatschappelijke organisaties.

Het resultaat bestaat uit drie hoofdstukken:

- **Transparantie**: aanbieders houden documentatie bij over hoe een model is gebouwd en wat het kan, en delen de relevante delen met het nieuwe Europese AI-bureau en met bedrijven die het model in hun eigen producten verwerken.
- **Auteursrecht**: aanbieders voeren een beleid om het Europese auteursrecht te respecteren, inclusief het naleven van machineleesbare bezwaren van rechthebbenden wanneer ze het web afstruinen voor trainingsdata.
- **Veiligheid en beveiliging**: een kleinere groep aanbieders van wie de modellen systeemrisico's kunnen opleveren, belooft die risico's te onderzoeken en te beperken, ernstige incidenten te melden en hun systemen te beschermen tegen misbruik en diefstal.

Ondertekenen is vrijwillig. De Commissie redeneert dat bedrijven die de code volgen makkelijker kunnen aantonen dat ze zich aan de regels houden. Wie niet tekent, moet dat op een andere manier bewijzen en kan meer vragen verwachten.

## Wat OpenAI eigenlijk belooft

OpenAI brengt de handtekening als een voortzetting van werk dat het naar eigen zeggen al doet: systeemkaarten publiceren, veiligheidstests uitvoeren voor een lancering en werken volgens het eigen Preparedness Framework. Die framing is veelzeggend. Het bedrijf laat doorschemeren dat de code volgens hem geen grote omwenteling in de manier van werken afdwingt, maar vooral bestaande praktijken vastlegt op een manier die Europese toezichthouders kunnen controleren.

Het stuk gaat ook verder dan naleving. OpenAI koppelt de handtekening aan een breder verhaal over investeringen: rekenkracht in Europa, samenwerkingen met nationale overheden en programma's die Europese start-ups en publieke diensten helpen AI te gebruiken. De boodschap is dat regelgeving en groei hand in hand moeten gaan, en dat OpenAI bij beide aan tafel wil zitten.

Lees dit wel met enige gezonde afstand. Een vrijwillige code is zo sterk als de opvolging ervan, en veel details worden pas de komende twee jaar ingevuld: hoe het AI-bureau omgaat met verzoeken om documentatie, met incidentmeldingen en met klachten over auteursrecht. Het AI-bureau kan pas vanaf augustus 2026 boetes opleggen, en modellen die al voor augustus 2025 op de markt waren, hebben tot augustus 2027 de tijd om aan de regels te voldoen.

## Hoe het in het grotere plaatje past

OpenAI staat niet alleen, maar de reacties uit de sector lopen uiteen. Verschillende grote aanbieders lieten weten te tekenen, sommige met kanttekeningen, terwijl Meta publiekelijk weigerde met het argument dat de code verder gaat dan de AI-verordening zelf en juridische onzekerheid schept. Die tweedeling is leerzaam: bedrijven zien de code minder als een technische checklist en meer als een politieke keuze over hun verhouding met Brussel.

Vroeg tekenen levert OpenAI duidelijke voordelen op. Het kweekt goodwill bij beleidsmakers die nog aan richtlijnen werken, het stelt zakelijke klanten in gereguleerde sectoren zoals financiën, zorg en overheid gerust, en het zet concurrenten die twijfelen onder druk. Het risico is dat toezeggingen van vandaag lastiger terug te draaien zijn als de regels later strenger worden.

Er speelt ook een Europese soevereiniteitskwestie. Regeringen in Parijs, Berlijn en elders willen dat eigen kampioenen zoals Mistral kunnen groeien. Een Amerikaans bedrijf dat zich zichtbaar aan Europese regels conformeert en lokale investeringen belooft, maakt het moeilijker om Amerikaanse aanbieders als regelgevingsprobleem neer te zetten, en makkelijker voor Europese inkopers om voor hen te kiezen.

## Wat nog onduidelijk is

Verschillende praktische details liggen nog open. De Commissie en de lidstaten moeten formeel beoordelen of de code volstaat, het AI-bureau is nog volop mensen aan het werven en processen aan het inrichten, en de richtlijnen over welke modellen als systeemrisico gelden, blijven in beweging. Ook is nog niet duidelijk hoeveel van de documentatie die met het AI-bureau wordt gedeeld ooit openbaar wordt. Wie een volledig beeld verwacht van hoe OpenAI zijn modellen traint, komt waarschijnlijk bedrogen uit; de code schept vooral kanalen tussen aanbieders, toezichthouders en zakelijke klanten.

## Wat het betekent voor verschillende lezers

**Ontwikkelaars** die op de API van OpenAI bouwen, kunnen de komende tijd meer documentatie verwachten: modelkaarten, gebruiksrichtlijnen en de openbare samenvattingen van trainingsdata die de AI-verordening van aanbieders vraagt. Wie een model verder traint of integreert, kan zelf ook verplichtingen hebben. Het loont dus om bij te houden wat OpenAI deelt en die informatie bij je eigen nalevingsdossier te bewaren.

**Bedrijven** die ChatGPT Team- of Enterprise-licenties kopen, kunnen de handtekening gebruiken als één van de factoren bij inkoop. Het vervangt je eigen risicoanalyse niet, maar geeft juristen en securityteams een houvast. Overweeg je een ander abonnement, kijk dan of je contract iets zegt over ondersteuning bij de AI-verordening, over de locatie van je data en over hoe incidenten worden gecommuniceerd.

**Beleidsmakers en onderzoekers** doen er goed aan de kloof tussen belofte en praktijk te volgen: hoe gedetailleerd de gepubliceerde samenvattingen van trainingsdata zijn, hoe bezwaren van rechthebbenden worden afgehandeld en of de meldingen van ernstige incidenten iets opleveren wat het publiek echt kan inzien.

**Gewone gebruikers** merken er direct weinig van. De praktische gevolgen — duidelijkere labels, meer informatie over wat een model wel en niet kan — komen meestal langzaam en zonder veel ophef.

## Onze lezing

Dit is een betekenisvolle maar afgemeten stap. OpenAI wint tegen relatief lage kosten geloofwaardigheid in Europa, omdat veel eisen uit de code lijken op werkwijzen die het bedrijf al uitdraagt. De echte test volgt later, wanneer het AI-bureau gedetailleerde vragen gaat stellen en de volgende generatie modellen onder het nieuwe regime verschijnt.

Drie vragen bepalen hoe belangrijk deze aankondiging uiteindelijk blijkt:

- Is de documentatie die OpenAI met afnemers deelt gedetailleerd genoeg om hen te helpen aan hun eigen verplichtingen te voldoen?
- Veranderen de toezeggingen over auteursrecht de manier waarop trainingsdata wordt verzameld, of bevestigen ze vooral de bestaande mogelijkheden om bezwaar te maken?
- Worden de beloofde investeringen concrete capaciteit en samenwerkingen in Europese landen, met een tijdpad dat iedereen kan controleren?

Tot die antwoorden er zijn, is dit vooral een intentieverklaring en nog geen voltooide verandering. Zet het op de lijst om opnieuw te bekijken zodra de eerste rapportages onder de AI-verordening verschijnen en teams in de praktijk met de nieuwe documentatie hebben gewerkt.

## Wat je nu kunt doen

Ben je verantwoordelijk voor AI-tools in een organisatie, dan is dit een goed moment om de balans op te maken. Zet op een rij welke algemene AI-modellen je gebruikt, noteer welke aanbieders de code hebben getekend en vraag je leveranciers hoe ze je onder de AI-verordening gaan ondersteunen. Sta je op het punt een abonnement te verlengen of te wijzigen, maak die vragen dan onderdeel van het gesprek. De regels komen geleidelijk, en teams die zich nu rustig voorbereiden, krijgen later veel minder verrassingen.
""",
            "impact": "Handig om te checken voordat je een abonnement kiest of wijzigt.",
            "takeaways": [
                "Bekijk dit als OpenAI-update, niet alleen als losse headline.",
                "Controleer plandetails voordat je abonnementen wijzigt of een team adviseert.",
                "Waarschijnlijk de moeite waard om opnieuw te bekijken zodra mensen het in praktijk gebruiken.",
            ],
        },
    },
    {
        "maker": "openai",
        "type": "paper",
        "published": "2023-03-14",
        "source_url": "https://openai.com/news/",
        "audience": "everyone",
        "level": "beginner",
        "importance": 5,
        "author": "OpenAI",
        "tags": ["model", "research", "multimodal"],
        "en": {
            "title": "GPT-4 raises the bar for large language models",
            "lede": "OpenAI's new flagship model reasons more reliably than GPT-3.5 and can read images as well as text.",
            "body": """OpenAI introduced GPT-4, the successor to the model behind the original ChatGPT. The company reports clear gains on difficult tasks: on a simulated bar exam it scored around the top tenth of test takers, where its predecessor landed near the bottom. It is also the first GPT model that accepts images as input, although that capability was initially limited to a single partner.

Access arrived in two ways:

- ChatGPT Plus subscribers could try it in the chat interface, with usage caps.
- Developers could join a waitlist for the API, with a longer 32,000-token context option.

OpenAI published a technical report alongside the launch but kept details about model size, training data and hardware private, citing competition and safety. That choice drew criticism from researchers who had hoped for more openness.""",
            "impact": "GPT-4 became the reference point every other lab measured itself against for the following year.",
            "takeaways": [
                "GPT-4 is markedly stronger than GPT-3.5 on exams and reasoning.",
                "Image input is part of the model, but was rolled out slowly.",
                "OpenAI disclosed far less technical detail than before.",
            ],
        },
        "nl": {
            "title": "GPT-4 legt de lat hoger voor taalmodellen",
            "lede": "Het nieuwe topmodel van OpenAI redeneert betrouwbaarder dan GPT-3.5 en kan naast tekst ook afbeeldingen lezen.",
            "body": """OpenAI presenteerde GPT-4, de opvolger van het model achter de eerste versie van ChatGPT. Volgens het bedrijf presteert het duidelijk beter op moeilijke taken: bij een gesimuleerd advocatenexamen scoorde het rond de beste tien procent van de deelnemers, terwijl de voorganger onderaan bungelde. Het is ook het eerste GPT-model dat afbeeldingen als invoer accepteert, al was die functie in het begin maar bij één partner beschikbaar.

Toegang kwam er op twee manieren:

- Abonnees van ChatGPT Plus konden het model met een gebruikslimiet proberen.
- Ontwikkelaars konden zich aanmelden voor een wachtlijst voor de API, met een optie voor een langere context van 32.000 tokens.

OpenAI publiceerde een technisch rapport, maar hield details over modelgrootte, trainingsdata en hardware geheim vanwege concurrentie en veiligheid. Onderzoekers die op meer openheid hadden gehoopt, waren daar kritisch over.""",
            "impact": "GPT-4 werd een jaar lang het ijkpunt waar elk ander lab zich aan meette.",
            "takeaways": [
                "GPT-4 is duidelijk sterker dan GPT-3.5 in examens en redeneren.",
                "Beeldinvoer zit in het model, maar werd langzaam uitgerold.",
                "OpenAI deelde veel minder technische details dan voorheen.",
            ],
        },
    },
    {
        "maker": "openai",
        "type": "release",
        "published": "2023-08-28",
        "source_url": "https://openai.com/index/introducing-chatgpt-enterprise/",
        "audience": "business",
        "level": "beginner",
        "importance": 3,
        "author": "OpenAI",
        "tags": ["apps", "enterprise", "safety"],
        "en": {
            "title": "ChatGPT Enterprise targets the corporate desk",
            "lede": "A business edition of ChatGPT promises stronger privacy guarantees, admin tools and faster GPT-4 access.",
            "body": """OpenAI launched ChatGPT Enterprise, a version of its assistant aimed at large organisations that had been nervous about staff pasting internal information into a consumer chatbot. The headline promise is that conversations and business data are not used to train OpenAI's models, and that data is encrypted in transit and at rest.

Beyond privacy, the package adds:

- faster GPT-4 access without the usage caps of the consumer plan,
- a longer context window for bigger documents,
- the data analysis tool (then called Advanced Data Analysis),
- an admin console with single sign-on and usage insights.

Pricing was not published and was negotiated per customer. For IT and legal teams, this was the first time OpenAI offered a clear contractual answer to the question of what happens to company data.""",
            "impact": "It turned ChatGPT from a shadow-IT risk into something procurement teams could formally evaluate.",
            "takeaways": [
                "Business data in Enterprise is not used for training.",
                "Admins get single sign-on and usage dashboards.",
                "Prices are negotiated rather than listed publicly.",
            ],
        },
        "nl": None,
    },
    {
        "maker": "openai",
        "type": "release",
        "published": "2024-02-15",
        "source_url": "https://openai.com/news/",
        "audience": "creators",
        "level": "beginner",
        "importance": 4,
        "author": "OpenAI",
        "tags": ["video", "model", "safety"],
        "en": {
            "title": "Sora shows what text-to-video can look like",
            "lede": "OpenAI previews a model that turns written prompts into realistic clips of up to a minute.",
            "body": """OpenAI gave the world a first look at Sora, a model that generates video from a text description. The sample clips — busy city streets, animals in snow, stylised animation — were longer and more coherent than anything the public had seen from earlier video generators, with scenes lasting up to a minute.

Sora was not released to the public at this stage. OpenAI shared it with a group of red teamers to probe for harms such as misinformation and abuse, and with a number of visual artists, designers and filmmakers to gather feedback. The company was open about weaknesses too: the model can struggle with physics, cause and effect, and keeping track of left and right.

For creators, the announcement was mainly a signal of where tools were heading rather than something to use right away.""",
            "impact": "Sora reset expectations for AI video and pushed rivals to accelerate their own video models.",
            "takeaways": [
                "Sora generates clips of up to one minute from text.",
                "The first phase was limited to testers and selected artists.",
                "OpenAI openly listed physics and continuity errors.",
            ],
        },
        "nl": {
            "title": "Sora laat zien hoe tekst-naar-video eruit kan zien",
            "lede": "OpenAI toont een model dat een geschreven opdracht omzet in realistische clips tot een minuut lang.",
            "body": """OpenAI liet voor het eerst Sora zien, een model dat video maakt op basis van een tekstbeschrijving. De voorbeelden — drukke stadsstraten, dieren in de sneeuw, gestileerde animatie — waren langer en samenhangender dan wat eerdere videogeneratoren lieten zien, met scènes tot een minuut.

Het publiek kon Sora nog niet gebruiken. OpenAI gaf eerst toegang aan zogenoemde red teamers, die zoeken naar risico's zoals desinformatie en misbruik, en aan een groep beeldend kunstenaars, ontwerpers en filmmakers voor feedback. Het bedrijf was ook eerlijk over de zwakke plekken: het model heeft moeite met natuurkunde, oorzaak en gevolg, en soms zelfs met links en rechts.

Voor makers was de aankondiging vooral een voorproefje van waar de tools naartoe gaan, niet iets om meteen mee aan de slag te gaan.""",
            "impact": "Sora verlegde de verwachtingen rond AI-video en zette concurrenten onder druk om sneller te gaan.",
            "takeaways": [
                "Sora maakt clips tot een minuut op basis van tekst.",
                "In de eerste fase kregen alleen testers en kunstenaars toegang.",
                "OpenAI benoemde zelf fouten in natuurkunde en continuïteit.",
            ],
        },
    },
    {
        "maker": "openai",
        "type": "video",
        "published": "2024-05-13",
        "source_url": "https://openai.com/index/hello-gpt-4o/",
        "audience": "everyone",
        "level": "beginner",
        "importance": 5,
        "author": "OpenAI",
        "tags": ["model", "voice", "multimodal", "apps"],
        "en": {
            "title": "GPT-4o brings voice, vision and text into one model",
            "lede": "During a live demo, OpenAI unveiled an 'omni' model that responds to speech almost as fast as a person and is free for ChatGPT users.",
            "body": """At a livestreamed spring event, OpenAI introduced GPT-4o, where the "o" stands for omni. Instead of chaining separate systems for speech recognition, reasoning and speech output, a single model handles text, audio and images. The result in the demos was a voice assistant that could be interrupted, picked up on tone and answered with very little delay.

What stood out for ordinary users was access: GPT-4o became available to free ChatGPT users, with higher limits for paying subscribers. For developers, OpenAI said the model is twice as fast as GPT-4 Turbo and half the price in the API, with higher rate limits.

The new real-time voice mode itself arrived later and more gradually than the demo suggested, a reminder that stage presentations and product rollouts move at different speeds.""",
            "impact": "GPT-4-level capability became free for anyone with a ChatGPT account.",
            "takeaways": [
                "One model now handles text, audio and images natively.",
                "Free ChatGPT users got access to GPT-4o.",
                "API pricing dropped to half that of GPT-4 Turbo.",
            ],
        },
        "nl": {
            "title": "GPT-4o brengt spraak, beeld en tekst samen in één model",
            "lede": "In een live demonstratie toonde OpenAI een 'omni'-model dat bijna zo snel als een mens op spraak reageert en gratis is voor ChatGPT-gebruikers.",
            "body": """Tijdens een livestream introduceerde OpenAI GPT-4o, waarbij de "o" staat voor omni. In plaats van losse systemen voor spraakherkenning, redeneren en spraakuitvoer aan elkaar te knopen, verwerkt één model tekst, audio en beeld. In de demo's leverde dat een spraakassistent op die je kon onderbreken, die toon oppikte en vrijwel zonder vertraging antwoordde.

Voor gewone gebruikers was vooral de toegang opvallend: GPT-4o kwam beschikbaar voor gratis ChatGPT-accounts, met ruimere limieten voor betalende abonnees. Ontwikkelaars kregen volgens OpenAI een model dat twee keer zo snel is als GPT-4 Turbo, de helft kost in de API en hogere limieten heeft.

De nieuwe realtime spraakmodus zelf kwam later en geleidelijker dan de demo deed vermoeden. Een goede herinnering dat presentaties op een podium en echte uitrol niet altijd hetzelfde tempo hebben.""",
            "impact": "Mogelijkheden op GPT-4-niveau werden gratis voor iedereen met een ChatGPT-account.",
            "takeaways": [
                "Eén model verwerkt nu tekst, audio en beeld.",
                "Ook gratis ChatGPT-gebruikers kregen GPT-4o.",
                "In de API kost het de helft van GPT-4 Turbo.",
            ],
        },
    },
    {
        "maker": "openai",
        "type": "release",
        "published": "2024-07-18",
        "source_url": "https://openai.com/index/gpt-4o-mini-advancing-cost-efficient-intelligence/",
        "audience": "developers",
        "level": "intermediate",
        "importance": 3,
        "author": "OpenAI",
        "tags": ["model", "pricing", "api", "small-models"],
        "en": {
            "title": "GPT-4o mini makes capable AI cheap",
            "lede": "A small, low-cost model replaces GPT-3.5 Turbo and undercuts most competitors on price.",
            "body": """OpenAI released GPT-4o mini, a compact model aimed at high-volume tasks where cost matters more than peak capability. The company priced it at 15 cents per million input tokens and 60 cents per million output tokens, a fraction of what earlier models cost, while claiming it beats GPT-3.5 Turbo on common benchmarks.

In ChatGPT, GPT-4o mini took over from GPT-3.5 for free, Plus and Team users. In the API it supports text and image input, with audio and video promised later.

For developers, the practical consequence is simple: workloads such as classification, customer support drafts or summarising large batches of documents became much cheaper to run. OpenAI also highlighted a new safety technique meant to make the model more resistant to prompt injections and jailbreaks.""",
            "impact": "Small, cheap models became the default choice for many production workloads.",
            "takeaways": [
                "GPT-4o mini replaces GPT-3.5 Turbo in ChatGPT.",
                "API prices start at 15 cents per million input tokens.",
                "Best suited to high-volume, cost-sensitive tasks.",
            ],
        },
        "nl": {
            "title": "GPT-4o mini maakt capabele AI goedkoop",
            "lede": "Een klein en voordelig model vervangt GPT-3.5 Turbo en is goedkoper dan de meeste concurrenten.",
            "body": """OpenAI bracht GPT-4o mini uit, een compact model voor taken met grote volumes waarbij de kosten zwaarder wegen dan topprestaties. De prijs: 15 dollarcent per miljoen invoertokens en 60 dollarcent per miljoen uitvoertokens. Dat is een fractie van eerdere modellen, terwijl het volgens OpenAI beter scoort dan GPT-3.5 Turbo op gangbare tests.

In ChatGPT nam GPT-4o mini de plek in van GPT-3.5, voor gratis gebruikers en voor Plus- en Team-abonnees. In de API verwerkt het tekst en beeld; audio en video zouden later volgen.

Voor ontwikkelaars is het gevolg eenvoudig: taken zoals classificeren, concepten voor klantenservice schrijven of stapels documenten samenvatten werden veel goedkoper. OpenAI wees ook op een nieuwe veiligheidstechniek die het model beter bestand moet maken tegen promptinjecties en jailbreaks.""",
            "impact": "Kleine, goedkope modellen werden voor veel productietoepassingen de standaardkeuze.",
            "takeaways": [
                "GPT-4o mini vervangt GPT-3.5 Turbo in ChatGPT.",
                "De API-prijs begint bij 15 dollarcent per miljoen invoertokens.",
                "Vooral geschikt voor grote volumes en krappe budgetten.",
            ],
        },
    },
    {
        "maker": "openai",
        "type": "release",
        "published": "2024-09-12",
        "source_url": "https://openai.com/index/introducing-openai-o1-preview/",
        "audience": "researchers",
        "level": "expert",
        "importance": 5,
        "author": "OpenAI",
        "tags": ["model", "reasoning", "research"],
        "en": {
            "title": "o1 takes time to think before it answers",
            "lede": "OpenAI's first reasoning model works through problems step by step and excels at maths, science and code.",
            "body": """OpenAI introduced o1-preview and the smaller o1-mini, the first models in a new series trained with reinforcement learning to produce a long internal chain of thought before responding. Rather than answering instantly, the model spends extra computation working through a problem, checking and revising its approach.

The gains are concentrated in structured domains. OpenAI reported large jumps over GPT-4o on competition maths and programming problems, and strong results on PhD-level science questions. For everyday writing or quick factual questions the difference is much smaller, and the models are slower and more expensive.

Two details matter for practitioners:

- The raw reasoning tokens are hidden; users only see a summary.
- At launch the models lacked features like browsing, file uploads and image input.

The release marked a shift in strategy: scaling the thinking time at inference, not only the size of the model.""",
            "impact": "Reasoning models became a new product category that every major lab rushed to match.",
            "takeaways": [
                "o1 trades speed for more careful step-by-step reasoning.",
                "Gains are largest in maths, science and coding.",
                "The full chain of thought stays hidden from users.",
            ],
        },
        "nl": {
            "title": "o1 neemt de tijd om na te denken",
            "lede": "Het eerste redeneermodel van OpenAI werkt problemen stap voor stap uit en blinkt uit in wiskunde, wetenschap en code.",
            "body": """OpenAI introduceerde o1-preview en de kleinere o1-mini, de eerste modellen uit een nieuwe reeks. Ze zijn met reinforcement learning getraind om eerst een lange interne gedachtegang op te bouwen voordat ze antwoorden. In plaats van direct te reageren, besteedt het model extra rekenkracht aan het doorgronden van een probleem en het bijsturen van de eigen aanpak.

De winst zit vooral in gestructureerde domeinen. OpenAI meldde grote sprongen ten opzichte van GPT-4o bij wiskundewedstrijden en programmeeropgaven, en sterke scores op wetenschapsvragen op promotieniveau. Bij gewoon schrijfwerk of snelle feitenvragen is het verschil veel kleiner, terwijl de modellen trager en duurder zijn.

Voor wie ermee werkt, zijn twee dingen belangrijk: de ruwe denkstappen blijven verborgen, je ziet alleen een samenvatting. En bij de lancering ontbraken functies als browsen, bestanden uploaden en beeldinvoer.

Het is een strategische omslag: niet alleen grotere modellen, maar meer denktijd tijdens het gebruik.""",
            "impact": "Redeneermodellen werden een nieuwe productcategorie die elk groot lab wilde evenaren.",
            "takeaways": [
                "o1 ruilt snelheid in voor zorgvuldiger redeneren.",
                "De winst is het grootst bij wiskunde, wetenschap en code.",
                "De volledige gedachtegang blijft voor gebruikers verborgen.",
            ],
        },
    },
    {
        "maker": "openai",
        "type": "release",
        "published": "2025-04-14",
        "source_url": "https://openai.com/index/gpt-4-1/",
        "audience": "developers",
        "level": "expert",
        "importance": 4,
        "author": "OpenAI",
        "tags": ["model", "api", "coding", "pricing"],
        "en": {
            "title": "GPT-4.1 arrives for developers with a million-token window",
            "lede": "Three new API models focus on coding, following instructions precisely and handling very long inputs.",
            "body": """OpenAI released GPT-4.1 together with GPT-4.1 mini and GPT-4.1 nano, available only through the API at launch. The family is tuned for the things developers complain about most: writing and editing code reliably, sticking to detailed instructions and formats, and keeping track of long documents. All three accept up to one million tokens of context.

OpenAI positioned the mini version as a strong middle ground and nano as its fastest and cheapest model yet, suitable for classification and autocomplete. Prices were lower than for GPT-4o, and the company announced that the more expensive GPT-4.5 preview would be retired from the API.

For teams, the most useful move is practical testing: long-context claims often look better in benchmarks than in messy real data, so measure on your own documents before switching.""",
            "impact": "It gave developers a cheaper, more predictable default for coding and agent workflows.",
            "takeaways": [
                "GPT-4.1 comes in standard, mini and nano sizes.",
                "All three handle up to a million tokens of context.",
                "The GPT-4.5 preview is being phased out of the API.",
            ],
        },
        "nl": {
            "title": "GPT-4.1 voor ontwikkelaars, met een venster van een miljoen tokens",
            "lede": "Drie nieuwe API-modellen richten zich op programmeren, precies opvolgen van instructies en zeer lange invoer.",
            "body": """OpenAI lanceerde GPT-4.1, samen met GPT-4.1 mini en GPT-4.1 nano. Bij de start waren ze alleen via de API te gebruiken. De modellen zijn afgestemd op waar ontwikkelaars het vaakst over klagen: betrouwbaar code schrijven en aanpassen, je houden aan gedetailleerde instructies en formaten, en het overzicht bewaren in lange documenten. Alle drie kunnen tot een miljoen tokens context verwerken.

OpenAI zet de mini-versie neer als sterk compromis en nano als het snelste en goedkoopste model tot nu toe, geschikt voor classificatie en automatisch aanvullen. De prijzen liggen lager dan bij GPT-4o, en de duurdere GPT-4.5-preview verdwijnt uit de API.

Ons advies aan teams: test zelf. Claims over lange context zien er in benchmarks vaak beter uit dan met rommelige praktijkdata, dus meet eerst met je eigen documenten voordat je overstapt.""",
            "impact": "Ontwikkelaars kregen een goedkopere en voorspelbaardere standaard voor code en agents.",
            "takeaways": [
                "GPT-4.1 bestaat in een standaard-, mini- en nano-versie.",
                "Alle drie verwerken tot een miljoen tokens context.",
                "De GPT-4.5-preview wordt uit de API gehaald.",
            ],
        },
    },
    {
        "maker": "google",
        "type": "article",
        "published": "2023-02-06",
        "source_url": "https://blog.google/technology/ai/bard-google-ai-search-updates/",
        "audience": "everyone",
        "level": "beginner",
        "importance": 4,
        "author": "Sundar Pichai",
        "tags": ["apps", "model"],
        "en": {
            "title": "Google answers ChatGPT with Bard",
            "lede": "Sundar Pichai announces an experimental conversational assistant built on the LaMDA language model.",
            "body": """Roughly two months after ChatGPT took off, Google's chief executive announced Bard, an experimental chat assistant. It ran on a lightweight version of LaMDA, the conversational model Google had been researching for years, chosen so that the service could scale to many users with less computing power.

Bard first went to a group of trusted testers, with broader public access promised in the following weeks. Google stressed that it wanted external feedback and its own internal testing to meet a high bar for quality and safety before a wider launch.

The post also previewed AI features for Search that would summarise complex questions, and mentioned plans to open up the underlying models to developers. In hindsight, it marks the moment Google moved from cautious research lab to active competitor in consumer AI.""",
            "impact": "It signalled that Google would fight for the chatbot market instead of watching from the sidelines.",
            "takeaways": [
                "Bard was built on a lighter version of LaMDA.",
                "Only trusted testers had access at first.",
                "AI summaries in Search were previewed in the same post.",
            ],
        },
        "nl": {
            "title": "Google reageert op ChatGPT met Bard",
            "lede": "Sundar Pichai kondigt een experimentele gespreksassistent aan, gebouwd op het taalmodel LaMDA.",
            "body": """Zo'n twee maanden nadat ChatGPT een hit werd, kondigde de topman van Google Bard aan, een experimentele chatassistent. Die draaide op een lichtere versie van LaMDA, het gespreksmodel waar Google al jaren onderzoek naar deed. Die keuze moest ervoor zorgen dat de dienst met minder rekenkracht veel gebruikers aankon.

Bard ging eerst naar een groep vertrouwde testers; bredere toegang zou in de weken daarna volgen. Google benadrukte dat het externe feedback en eigen tests wilde gebruiken om een hoge lat voor kwaliteit en veiligheid te halen voordat het product breed uitkwam.

In hetzelfde bericht liet Google AI-functies voor Zoeken zien die ingewikkelde vragen samenvatten, en het bedrijf noemde plannen om de onderliggende modellen open te stellen voor ontwikkelaars. Achteraf is dit het moment waarop Google van voorzichtig onderzoekslab veranderde in actieve concurrent op de consumentenmarkt.""",
            "impact": "Het maakte duidelijk dat Google de strijd om de chatbotmarkt zelf wilde aangaan.",
            "takeaways": [
                "Bard draaide op een lichtere versie van LaMDA.",
                "In het begin hadden alleen testers toegang.",
                "AI-samenvattingen in Zoeken werden tegelijk getoond.",
            ],
        },
    },
    {
        "maker": "google",
        "type": "video",
        "published": "2023-12-06",
        "source_url": "https://blog.google/technology/ai/google-gemini-ai/",
        "audience": "everyone",
        "level": "intermediate",
        "importance": 5,
        "author": "Sundar Pichai en Demis Hassabis",
        "tags": ["model", "multimodal", "research"],
        "en": None,
        "nl": {
            "title": "Gemini komt eraan",
            "lede": "Google en DeepMind presenteren Gemini, een familie van modellen die vanaf het begin is gebouwd om tekst, beeld, audio en code te begrijpen.",
            "body": """Google zette met Gemini zijn grootste AI-project tot dan toe in de etalage. Het is geen enkel model maar een familie in drie maten: Ultra voor de zwaarste taken, Pro voor brede inzet en Nano om direct op een telefoon te draaien. Anders dan eerdere modellen is Gemini vanaf de start getraind op verschillende soorten invoer tegelijk, zoals tekst, afbeeldingen, audio en video.

De uitrol begon meteen, maar gefaseerd:

- Bard kreeg een aangepaste versie van Gemini Pro.
- De Pixel 8 Pro kreeg Gemini Nano voor functies op het toestel zelf.
- Ultra zou pas later volgen, na extra veiligheidstests.

Google claimde dat Ultra als eerste model menselijke experts versloeg op de brede kennistest MMLU. Een bijbehorende demovideo kreeg later kritiek, omdat die vloeiender oogde dan de werkelijke interactie was geweest. Een nuttige les: kijk bij dit soort lanceringen verder dan de showreel.""",
            "impact": "Gemini werd de basis voor vrijwel alle AI-functies in de producten van Google.",
            "takeaways": [
                "Gemini komt in drie maten: Ultra, Pro en Nano.",
                "Het model is vanaf het begin multimodaal getraind.",
                "De demovideo bleek gunstiger dan de werkelijkheid.",
            ],
        },
    },
    {
        "maker": "google",
        "type": "article",
        "published": "2024-02-15",
        "source_url": "https://blog.google/technology/ai/google-gemini-next-generation-model-february-2024/",
        "audience": "developers",
        "level": "intermediate",
        "importance": 4,
        "author": "Sundar Pichai and Demis Hassabis",
        "tags": ["model", "api", "research"],
        "en": {
            "title": "Gemini 1.5 stretches context to a million tokens",
            "lede": "Google's next model uses a mixture-of-experts design and can take in hours of video or entire codebases at once.",
            "body": """Only two months after the first Gemini models, Google announced Gemini 1.5. The first version, 1.5 Pro, uses a mixture-of-experts architecture that activates only part of the network for each input, making it more efficient to train and serve. Google said it performs at a level comparable to 1.0 Ultra.

The headline was context length. Standard access offered 128,000 tokens, while a limited group of developers and enterprise customers could test a window of up to one million tokens — enough for about an hour of video, a large codebase or a long stack of documents in one prompt. Google demonstrated the model finding details in a lengthy transcript and reasoning over a silent film.

Long context shifts how people build applications: for many tasks, pasting in the full material can replace complex retrieval pipelines.""",
            "impact": "Very long context windows became a competitive feature that other labs raced to offer.",
            "takeaways": [
                "Gemini 1.5 Pro uses a mixture-of-experts design.",
                "A one-million-token window was offered in limited preview.",
                "Long context can simplify retrieval-heavy applications.",
            ],
        },
        "nl": {
            "title": "Gemini 1.5 rekt de context op tot een miljoen tokens",
            "lede": "Het nieuwe model van Google gebruikt een mixture-of-experts-opzet en kan urenlange video of complete codebases in één keer verwerken.",
            "body": """Twee maanden na de eerste Gemini-modellen kondigde Google Gemini 1.5 aan. De eerste variant, 1.5 Pro, is een mixture-of-experts-model: per invoer wordt maar een deel van het netwerk gebruikt, wat training en gebruik efficiënter maakt. Volgens Google presteert het ongeveer op het niveau van 1.0 Ultra.

Het grote nieuws was de contextlengte. Standaard ging het om 128.000 tokens, maar een beperkte groep ontwikkelaars en zakelijke klanten kon een venster tot een miljoen tokens testen. Dat is genoeg voor ongeveer een uur video, een flinke codebase of een stapel lange documenten in één opdracht. Google liet zien hoe het model details terugvond in een lang transcript en redeneerde over een stomme film.

Lange context verandert de manier waarop je toepassingen bouwt: voor veel taken kun je het volledige materiaal meegeven in plaats van een ingewikkeld zoeksysteem op te zetten.""",
            "impact": "Zeer lange contextvensters werden een concurrentiepunt dat andere labs snel wilden evenaren.",
            "takeaways": [
                "Gemini 1.5 Pro is een mixture-of-experts-model.",
                "Een venster van een miljoen tokens kwam in beperkte preview.",
                "Lange context kan zoeksystemen deels overbodig maken.",
            ],
        },
    },
    {
        "maker": "google",
        "type": "release",
        "published": "2024-02-21",
        "source_url": "https://blog.google/technology/developers/gemma-open-models/",
        "audience": "developers",
        "level": "intermediate",
        "importance": 3,
        "author": "Jeanine Banks and Tris Warkentin",
        "tags": ["open-weights", "small-models", "model"],
        "en": {
            "title": "Gemma brings Google into the open-model game",
            "lede": "Two lightweight models built from Gemini research can be downloaded and run on a laptop or a single GPU.",
            "body": """Google released Gemma, a family of open models in 2-billion and 7-billion-parameter sizes, each in a base and an instruction-tuned version. They share research and technology with Gemini but are small enough to run on a developer laptop, a workstation or a modest cloud instance.

Unlike Gemini, the weights can be downloaded. They come under Google's own terms of use rather than a classic open-source licence, which permit commercial use but include restrictions on harmful applications.

Google paired the launch with a Responsible Generative AI Toolkit, ready-made notebooks and integrations with popular frameworks and platforms such as Hugging Face and Kaggle. The move put Google in direct competition with Meta's Llama and Mistral's models for the attention of developers who want to host models themselves.""",
            "impact": "Developers gained another strong small model they can run and fine-tune on their own hardware.",
            "takeaways": [
                "Gemma comes in 2B and 7B sizes.",
                "Weights are downloadable under Google's own terms.",
                "A responsible-AI toolkit ships alongside the models.",
            ],
        },
        "nl": {
            "title": "Met Gemma doet Google mee aan open modellen",
            "lede": "Twee lichte modellen op basis van Gemini-onderzoek zijn te downloaden en draaien op een laptop of één GPU.",
            "body": """Google bracht Gemma uit, een familie van open modellen met 2 en 7 miljard parameters, elk in een basisversie en een versie die is afgestemd op instructies. Ze delen onderzoek en technologie met Gemini, maar zijn klein genoeg voor een laptop, een werkstation of een bescheiden cloudserver.

Anders dan bij Gemini zijn de gewichten te downloaden. Ze vallen onder eigen gebruiksvoorwaarden van Google en niet onder een klassieke opensourcelicentie: commercieel gebruik mag, maar schadelijke toepassingen zijn uitgesloten.

Google leverde er een toolkit voor verantwoord gebruik bij, kant-en-klare notebooks en koppelingen met populaire platforms zoals Hugging Face en Kaggle. Daarmee gaat Google de directe concurrentie aan met Llama van Meta en de modellen van Mistral, in de strijd om ontwikkelaars die modellen zelf willen hosten.""",
            "impact": "Ontwikkelaars kregen er een sterk klein model bij dat ze op eigen hardware kunnen draaien en aanpassen.",
            "takeaways": [
                "Gemma is er in 2B- en 7B-varianten.",
                "De gewichten zijn te downloaden onder voorwaarden van Google.",
                "Er hoort een toolkit voor verantwoord gebruik bij.",
            ],
        },
    },
    {
        "maker": "google",
        "type": "article",
        "published": "2024-12-11",
        "source_url": "https://blog.google/technology/google-deepmind/google-gemini-ai-update-december-2024/",
        "audience": "developers",
        "level": "intermediate",
        "importance": 4,
        "author": "Sundar Pichai, Demis Hassabis and Koray Kavukcuoglu",
        "tags": ["model", "agents", "multimodal"],
        "en": {
            "title": "Gemini 2.0 is built for the agent era",
            "lede": "Google launches Gemini 2.0 Flash and shows research prototypes of assistants that can act on a user's behalf.",
            "body": """Google introduced Gemini 2.0, describing it as a model for the "agentic era". The first release, an experimental version of Gemini 2.0 Flash, is faster than the previous Pro model and can produce images and speech as output, not just text. It can also call tools such as Google Search and code execution directly.

Alongside the model, Google showed several prototypes that hint at where it wants to go:

- **Project Astra**, a universal assistant that uses your phone's camera and memory of earlier conversations.
- **Project Mariner**, an agent that can navigate websites in Chrome.
- **Jules**, a coding agent that works inside GitHub workflows.

Most of these were limited to trusted testers. The direction is clear, though: models are being designed to take actions, not only to answer questions.""",
            "impact": "Google made agents the central theme of its AI roadmap for 2025.",
            "takeaways": [
                "Gemini 2.0 Flash launched first, as an experimental model.",
                "It can output images and audio and call tools natively.",
                "Astra, Mariner and Jules show Google's agent ambitions.",
            ],
        },
        "nl": {
            "title": "Gemini 2.0 is gebouwd voor het tijdperk van agents",
            "lede": "Google lanceert Gemini 2.0 Flash en toont prototypes van assistenten die namens de gebruiker handelen.",
            "body": """Google presenteerde Gemini 2.0 als een model voor het tijdperk van AI-agents. De eerste versie, een experimentele uitgave van Gemini 2.0 Flash, is sneller dan het vorige Pro-model en kan naast tekst ook beeld en spraak produceren. Het model kan bovendien zelf hulpmiddelen aanroepen, zoals Google Zoeken en het uitvoeren van code.

Google liet daarnaast enkele prototypes zien die laten zien waar het heen wil. Project Astra is een universele assistent die via de camera van je telefoon meekijkt en eerdere gesprekken onthoudt. Project Mariner is een agent die zelfstandig door websites in Chrome navigeert. En Jules is een programmeeragent die binnen GitHub-werkprocessen meewerkt.

De meeste van deze projecten waren alleen voor testers beschikbaar. De richting is wel duidelijk: modellen worden ontworpen om dingen te doen, niet alleen om vragen te beantwoorden.""",
            "impact": "Google maakte agents het centrale thema van zijn AI-plannen voor 2025.",
            "takeaways": [
                "Gemini 2.0 Flash kwam als eerste, in experimentele vorm.",
                "Het model maakt beeld en audio en roept zelf tools aan.",
                "Astra, Mariner en Jules tonen de agent-ambities van Google.",
            ],
        },
    },
    {
        "maker": "google",
        "type": "release",
        "published": "2025-03-25",
        "source_url": "https://blog.google/technology/google-deepmind/gemini-model-thinking-updates-march-2025/",
        "audience": "researchers",
        "level": "expert",
        "importance": 4,
        "author": "Koray Kavukcuoglu",
        "tags": ["model", "reasoning", "coding"],
        "en": {
            "title": "Gemini 2.5 Pro makes thinking the default",
            "lede": "Google's new top model reasons before it responds and climbs to first place on a popular human-preference leaderboard.",
            "body": """Google released Gemini 2.5 Pro as an experimental model and described it as its most intelligent yet. Like OpenAI's o-series, it is a "thinking" model that reasons internally before answering, and Google said this capability would be built into all its future models rather than offered as a separate variant.

The company pointed to strong results on maths and science benchmarks, a big jump in coding ability — particularly for building web apps and agentic code tasks — and a first-place debut on the LMArena leaderboard, where people compare answers from different models. The model keeps the one-million-token context window, with two million promised.

It was available first in Google AI Studio and for Gemini Advanced subscribers, with Vertex AI access following. For researchers, the interesting part is how quickly reasoning went from niche feature to standard expectation.""",
            "impact": "Gemini 2.5 Pro put Google back at the front of the frontier-model race.",
            "takeaways": [
                "Gemini 2.5 Pro reasons internally before answering.",
                "Google plans to build thinking into all future models.",
                "Coding and web development saw the biggest gains.",
            ],
        },
        "nl": {
            "title": "Bij Gemini 2.5 Pro is nadenken de standaard",
            "lede": "Het nieuwe topmodel van Google redeneert voordat het antwoordt en gaat direct aan kop op een populaire ranglijst.",
            "body": """Google bracht Gemini 2.5 Pro uit als experimenteel model en noemde het zijn slimste model tot nu toe. Net als de o-reeks van OpenAI is het een denkend model dat intern redeneert voordat het antwoordt. Google liet weten dat deze vaardigheid voortaan in al zijn modellen wordt ingebouwd, in plaats van als aparte variant te bestaan.

Het bedrijf wees op sterke resultaten in wiskunde en wetenschap, een grote sprong in programmeervaardigheid — vooral bij het bouwen van webapps en zelfstandige codeertaken — en een eerste plaats op LMArena, waar mensen antwoorden van verschillende modellen vergelijken. Het contextvenster van een miljoen tokens blijft, twee miljoen zou volgen.

Het model kwam eerst beschikbaar in Google AI Studio en voor abonnees van Gemini Advanced; Vertex AI volgde later. Voor onderzoekers is vooral opvallend hoe snel redeneren van nichefunctie tot vaste verwachting is uitgegroeid.""",
            "impact": "Met Gemini 2.5 Pro stond Google weer vooraan in de race om de sterkste modellen.",
            "takeaways": [
                "Gemini 2.5 Pro redeneert intern voordat het antwoordt.",
                "Google bouwt denkvermogen in alle toekomstige modellen.",
                "De grootste winst zit in programmeren en webontwikkeling.",
            ],
        },
    },
    {
        "maker": "google",
        "type": "video",
        "published": "2025-05-20",
        "source_url": "https://blog.google/technology/ai/",
        "audience": "creators",
        "level": "beginner",
        "importance": 4,
        "author": "Google",
        "tags": ["video", "model", "apps", "pricing"],
        "en": {
            "title": "Veo 3 adds sound to AI video",
            "lede": "At Google I/O, the company unveils a video model that generates dialogue, sound effects and ambient audio together with the picture.",
            "body": """Google used its I/O keynote to introduce Veo 3, the latest version of its video generation model. The notable step is audio: Veo 3 produces sound in the same pass as the images, so a clip can include spoken dialogue, footsteps, traffic or background music that matches what happens on screen.

Google also launched Flow, a filmmaking tool that combines Veo, Imagen and Gemini so creators can build scenes, keep characters consistent and manage shots. At launch, Veo 3 was limited to the new top-tier AI Ultra subscription in the United States and to enterprise users through Vertex AI, with wider availability to follow.

Within days, social media filled with convincing Veo 3 clips, reopening debates about labelling synthetic media. Google points to its SynthID watermark, but viewers cannot see it with the naked eye.""",
            "impact": "Synchronised audio made AI-generated clips far more convincing — and harder to spot.",
            "takeaways": [
                "Veo 3 generates sound and dialogue along with video.",
                "Flow is a new filmmaking app built around Google's models.",
                "Early access required the expensive AI Ultra plan.",
            ],
        },
        "nl": {
            "title": "Veo 3 geeft AI-video geluid",
            "lede": "Op Google I/O toont het bedrijf een videomodel dat dialogen, geluidseffecten en achtergrondgeluid samen met het beeld maakt.",
            "body": """Google gebruikte zijn I/O-presentatie om Veo 3 te introduceren, de nieuwste versie van zijn videomodel. De opvallende stap is geluid: Veo 3 maakt audio in dezelfde stap als het beeld. Een clip kan dus gesproken dialoog, voetstappen, verkeer of muziek bevatten die past bij wat er in beeld gebeurt.

Daarnaast lanceerde Google Flow, een tool voor filmmakers die Veo, Imagen en Gemini combineert. Makers kunnen er scènes mee opbouwen, personages consistent houden en shots beheren. Bij de lancering was Veo 3 alleen beschikbaar voor het nieuwe, dure AI Ultra-abonnement in de Verenigde Staten en voor zakelijke klanten via Vertex AI.

Binnen enkele dagen stonden sociale media vol met overtuigende Veo 3-clips, wat de discussie over het labelen van synthetische beelden opnieuw aanwakkerde. Google wijst op zijn SynthID-watermerk, maar dat is met het blote oog niet te zien.""",
            "impact": "Door synchroon geluid werden AI-clips veel overtuigender en moeilijker te herkennen.",
            "takeaways": [
                "Veo 3 maakt geluid en dialoog samen met beeld.",
                "Flow is een nieuwe filmapp rond de modellen van Google.",
                "Vroege toegang vereiste het dure AI Ultra-abonnement.",
            ],
        },
    },
    {
        "maker": "anthropic",
        "type": "release",
        "published": "2023-07-11",
        "source_url": "https://www.anthropic.com/news/claude-2",
        "audience": "everyone",
        "level": "beginner",
        "importance": 3,
        "author": "Anthropic",
        "tags": ["model", "apps"],
        "en": {
            "title": "Claude 2 opens to the public with a huge memory",
            "lede": "Anthropic's second-generation model improves at coding and maths and launches on a public website in the US and UK.",
            "body": """Anthropic released Claude 2 and, for the first time, a public chat interface at claude.ai for users in the United States and the United Kingdom. Until then, Claude had mainly been available to businesses through the API and a few partner products.

The model improved on its predecessor in coding, maths and reasoning, and Anthropic reported better scores on exam-style tests. Its most practical feature was a context window of 100,000 tokens, enough to upload long reports, contracts or even a short book and ask questions about them — well beyond what most rivals offered at the time.

Anthropic also said Claude 2 was harder to trick into producing harmful output than the previous version, in line with its safety-first positioning.""",
            "impact": "It gave ordinary users a serious ChatGPT alternative that could read long documents.",
            "takeaways": [
                "claude.ai opened to the public in the US and UK.",
                "A 100K-token window handles long documents.",
                "Coding and maths scores improved noticeably.",
            ],
        },
        "nl": {
            "title": "Claude 2 gaat publiek, met een enorm geheugen",
            "lede": "Het tweede model van Anthropic is beter in programmeren en wiskunde en krijgt een openbare website in de VS en het VK.",
            "body": """Anthropic bracht Claude 2 uit en opende tegelijk voor het eerst een publieke chatomgeving op claude.ai, voor gebruikers in de Verenigde Staten en het Verenigd Koninkrijk. Tot dan toe was Claude vooral via de API en enkele partnerproducten beschikbaar voor bedrijven.

Het model verbeterde ten opzichte van de voorganger in programmeren, wiskunde en redeneren, met betere scores op examenachtige tests. Het meest praktische was het contextvenster van 100.000 tokens. Daarmee kon je lange rapporten, contracten of zelfs een dun boek uploaden en er vragen over stellen, veel meer dan de meeste concurrenten toen aankonden.

Anthropic liet ook weten dat Claude 2 moeilijker te verleiden was tot schadelijke antwoorden dan de vorige versie, passend bij het imago van een bedrijf dat veiligheid vooropstelt.""",
            "impact": "Gewone gebruikers kregen een serieus alternatief voor ChatGPT dat lange documenten kon lezen.",
            "takeaways": [
                "claude.ai werd publiek in de VS en het VK.",
                "Een venster van 100.000 tokens verwerkt lange stukken.",
                "Programmeren en wiskunde gingen duidelijk vooruit.",
            ],
        },
    },
    {
        "maker": "anthropic",
        "type": "article",
        "published": "2023-09-19",
        "source_url": "https://www.anthropic.com/news",
        "audience": "policymakers",
        "level": "expert",
        "importance": 3,
        "author": "Anthropic",
        "tags": ["safety", "policy", "research"],
        "en": None,
        "nl": {
            "title": "Anthropic legt veiligheidsniveaus vast in een schaalbeleid",
            "lede": "Met een Responsible Scaling Policy koppelt Anthropic strengere maatregelen aan krachtigere modellen.",
            "body": """Anthropic publiceerde zijn Responsible Scaling Policy, een intern beleid dat bepaalt welke voorzorgsmaatregelen nodig zijn naarmate modellen krachtiger worden. Het idee is geleend van de biotechnologie, waar laboratoria werken met oplopende bioveiligheidsniveaus.

Het beleid introduceert zogeheten AI Safety Levels (ASL). Modellen die nauwelijks risico vormen, vallen in een laag niveau; modellen die bijvoorbeeld serieus kunnen helpen bij het maken van biologische wapens, vereisen veel strengere beveiliging en tests. Claude viel op dat moment onder ASL-2.

De kern is een belofte: als een model een drempel haalt en de bijbehorende maatregelen nog niet klaar zijn, stopt Anthropic met verder opschalen of uitrollen. Voor beleidsmakers is dit interessant als voorbeeld van zelfregulering, al blijft de vraag wie controleert of een bedrijf zich aan de eigen regels houdt.""",
            "impact": "Het beleid werd een sjabloon waar andere labs en overheden naar verwezen.",
            "takeaways": [
                "AI Safety Levels zijn geïnspireerd op bioveiligheidsniveaus.",
                "Krachtigere modellen vereisen strengere maatregelen.",
                "Onafhankelijke controle op naleving ontbreekt nog.",
            ],
        },
    },
    {
        "maker": "anthropic",
        "type": "release",
        "published": "2024-03-04",
        "source_url": "https://www.anthropic.com/news/claude-3-family",
        "audience": "business",
        "level": "intermediate",
        "importance": 4,
        "author": "Anthropic",
        "tags": ["model", "multimodal", "pricing", "enterprise"],
        "en": {
            "title": "Claude 3 arrives in three sizes",
            "lede": "Haiku, Sonnet and Opus let customers trade speed and price against capability, with Opus challenging GPT-4.",
            "body": """Anthropic launched the Claude 3 family: Haiku (fastest and cheapest), Sonnet (balanced) and Opus (most capable). On the benchmarks Anthropic published, Opus edged ahead of GPT-4 on several tests of knowledge, reasoning and maths, the first time a rival clearly claimed that position.

All three models can read images such as charts, photos and scanned documents, and come with a 200,000-token context window. Anthropic also said the models refuse harmless requests less often than Claude 2, a common complaint from users.

For businesses, the tiered line-up is the real story. Teams can route simple, high-volume tasks to Haiku and reserve Opus for complex analysis, keeping costs under control. Opus and Sonnet were available immediately; Haiku followed shortly after.""",
            "impact": "Anthropic became a credible first choice for enterprises, not just an alternative.",
            "takeaways": [
                "Claude 3 comes as Haiku, Sonnet and Opus.",
                "All models accept images and long documents.",
                "Fewer needless refusals than Claude 2.",
            ],
        },
        "nl": {
            "title": "Claude 3 komt in drie maten",
            "lede": "Met Haiku, Sonnet en Opus kiezen klanten zelf tussen snelheid, prijs en kunnen; Opus daagt GPT-4 uit.",
            "body": """Anthropic lanceerde de Claude 3-familie: Haiku (snelst en goedkoopst), Sonnet (gebalanceerd) en Opus (het krachtigst). Op de gepubliceerde tests liep Opus op verschillende punten voor op GPT-4, bij kennis, redeneren en wiskunde. Het was voor het eerst dat een concurrent die positie zo duidelijk claimde.

Alle drie de modellen kunnen afbeeldingen lezen, zoals grafieken, foto's en gescande documenten, en hebben een contextvenster van 200.000 tokens. Anthropic zei ook dat de modellen minder vaak onschuldige verzoeken weigeren dan Claude 2, een veelgehoorde klacht.

Voor bedrijven zit het echte nieuws in de opbouw. Teams kunnen eenvoudige taken met grote volumes naar Haiku sturen en Opus bewaren voor complexe analyses, zodat de kosten beheersbaar blijven. Opus en Sonnet waren direct beschikbaar, Haiku volgde kort daarna.""",
            "impact": "Anthropic werd voor bedrijven een serieuze eerste keuze in plaats van een alternatief.",
            "takeaways": [
                "Claude 3 bestaat uit Haiku, Sonnet en Opus.",
                "Alle modellen lezen afbeeldingen en lange documenten.",
                "Minder onnodige weigeringen dan bij Claude 2.",
            ],
        },
    },
    {
        "maker": "anthropic",
        "type": "release",
        "published": "2024-06-20",
        "source_url": "https://www.anthropic.com/news/claude-3-5-sonnet",
        "audience": "developers",
        "level": "intermediate",
        "importance": 5,
        "author": "Anthropic",
        "tags": ["model", "coding", "apps", "pricing"],
        "en": {
            "title": "Claude 3.5 Sonnet beats Opus at a mid-range price",
            "lede": "Anthropic's new mid-sized model outperforms its own flagship and introduces Artifacts, a side panel for live creations.",
            "body": """Claude 3.5 Sonnet was the first model in Anthropic's 3.5 generation, and it immediately outscored the larger Claude 3 Opus on most of the company's evaluations while running about twice as fast. It kept Sonnet's mid-tier pricing of $3 per million input tokens and $15 per million output tokens.

Developers noticed the coding improvements in particular. In Anthropic's internal agentic coding test, the model fixed considerably more bugs than Opus. Vision also improved, for example when reading charts or transcribing text from imperfect images.

The launch introduced Artifacts on claude.ai: when you ask for code, a document or a diagram, the result appears in a separate window next to the chat, where you can view and iterate on it. That small interface change made Claude feel more like a workspace than a chatbot.""",
            "impact": "It made Claude a favourite among developers and set a new bar for price-performance.",
            "takeaways": [
                "3.5 Sonnet beats Claude 3 Opus at a lower price.",
                "Coding and chart reading improved sharply.",
                "Artifacts show generated work beside the chat.",
            ],
        },
        "nl": {
            "title": "Claude 3.5 Sonnet verslaat Opus tegen een middenprijs",
            "lede": "Het nieuwe middelgrote model van Anthropic presteert beter dan het eigen topmodel en introduceert Artifacts.",
            "body": """Claude 3.5 Sonnet was het eerste model van de 3.5-generatie en scoorde meteen hoger dan het grotere Claude 3 Opus op de meeste interne tests, terwijl het ongeveer twee keer zo snel is. De prijs bleef op het middenniveau van Sonnet: 3 dollar per miljoen invoertokens en 15 dollar per miljoen uitvoertokens.

Vooral ontwikkelaars merkten het verschil bij programmeren. In een interne test waarbij het model zelfstandig code moest repareren, loste het flink meer fouten op dan Opus. Ook het lezen van grafieken en tekst in onscherpe afbeeldingen ging beter.

Tegelijk verscheen Artifacts op claude.ai: vraag je om code, een document of een diagram, dan verschijnt het resultaat in een apart venster naast het gesprek, waar je het kunt bekijken en bijwerken. Die kleine aanpassing maakte van Claude meer een werkplek dan een chatbot.""",
            "impact": "Claude werd een favoriet onder ontwikkelaars en legde de lat voor prijs en prestatie hoger.",
            "takeaways": [
                "3.5 Sonnet verslaat Claude 3 Opus voor minder geld.",
                "Programmeren en grafieken lezen gingen flink vooruit.",
                "Artifacts tonen gemaakt werk naast het gesprek.",
            ],
        },
    },
    {
        "maker": "anthropic",
        "type": "release",
        "published": "2024-10-22",
        "source_url": "https://www.anthropic.com/news/3-5-models-and-computer-use",
        "audience": "developers",
        "level": "expert",
        "importance": 4,
        "author": "Anthropic",
        "tags": ["agents", "api", "model", "safety"],
        "en": {
            "title": "Claude learns to use a computer",
            "lede": "An upgraded Claude 3.5 Sonnet can look at a screen, move the cursor and type, in a public beta for developers.",
            "body": """Anthropic released an upgraded Claude 3.5 Sonnet, announced Claude 3.5 Haiku and introduced a capability called computer use. Through the API, developers can let Claude look at screenshots of a desktop, move the mouse, click buttons and type text, so it can operate ordinary software the way a person would.

Anthropic was candid that the feature was experimental: it was slow, error-prone and struggled with actions people find trivial, such as scrolling or dragging. The company recommended running it in an isolated virtual machine and keeping sensitive data out of reach, because the model might follow instructions hidden in web pages.

Despite the rough edges, the release was an important marker. It showed a general route for agents that does not depend on every application offering a dedicated API.""",
            "impact": "It turned 'AI agents that use any app' from a concept into something developers could test.",
            "takeaways": [
                "Claude can control a desktop via screenshots and input.",
                "The feature is an early, error-prone public beta.",
                "Run it in a sandbox, away from sensitive data.",
            ],
        },
        "nl": {
            "title": "Claude leert een computer bedienen",
            "lede": "Een verbeterde Claude 3.5 Sonnet kan naar een scherm kijken, de cursor bewegen en typen, in een publieke bèta voor ontwikkelaars.",
            "body": """Anthropic bracht een verbeterde Claude 3.5 Sonnet uit, kondigde Claude 3.5 Haiku aan en introduceerde een nieuwe vaardigheid: computergebruik. Via de API kunnen ontwikkelaars Claude schermafbeeldingen laten bekijken, de muis laten bewegen, op knoppen laten klikken en tekst laten typen. Zo kan het model gewone software bedienen zoals een mens dat doet.

Anthropic was eerlijk over de beperkingen: de functie is experimenteel, traag en maakt fouten bij handelingen die voor mensen vanzelf spreken, zoals scrollen of slepen. Het bedrijf raadt aan om het in een afgeschermde virtuele machine te draaien en gevoelige gegevens buiten bereik te houden, omdat het model verborgen instructies op webpagina's kan opvolgen.

Ondanks de ruwe randjes is dit een belangrijk moment. Het laat een algemene route voor agents zien die niet afhangt van een speciale API voor elke toepassing.""",
            "impact": "Agents die elke app kunnen gebruiken, werden iets wat ontwikkelaars echt konden uitproberen.",
            "takeaways": [
                "Claude bedient een computer via schermbeelden en invoer.",
                "Het is een vroege bèta die nog veel fouten maakt.",
                "Draai het in een afgeschermde omgeving.",
            ],
        },
    },
    {
        "maker": "anthropic",
        "type": "article",
        "published": "2024-11-25",
        "source_url": "https://www.anthropic.com/news/model-context-protocol",
        "audience": "developers",
        "level": "expert",
        "importance": 4,
        "author": "Anthropic",
        "tags": ["agents", "api", "coding"],
        "en": {
            "title": "Model Context Protocol aims to be the USB port for AI",
            "lede": "Anthropic open-sources a standard for connecting AI assistants to files, databases and business tools.",
            "body": """Anthropic published the Model Context Protocol (MCP), an open standard that describes how an AI application can connect to external data sources and tools. Instead of writing a custom integration for every combination of assistant and system, developers build an MCP server once and any compatible client can use it.

The launch included:

- the specification and software development kits,
- support in the Claude desktop app for local servers,
- ready-made servers for systems such as Google Drive, Slack, GitHub and Postgres.

The protocol was open from the start, and that turned out to be decisive. Within months, other AI companies and developer tools adopted it, making MCP one of the rare cases where an industry quickly agreed on shared plumbing.""",
            "impact": "MCP became a widely adopted standard for plugging tools and data into AI assistants.",
            "takeaways": [
                "MCP standardises how assistants reach tools and data.",
                "Build a server once, use it from many clients.",
                "Open licensing helped rivals adopt it quickly.",
            ],
        },
        "nl": {
            "title": "Model Context Protocol wil de USB-poort voor AI worden",
            "lede": "Anthropic maakt een open standaard beschikbaar om AI-assistenten te koppelen aan bestanden, databases en zakelijke tools.",
            "body": """Anthropic publiceerde het Model Context Protocol (MCP), een open standaard die beschrijft hoe een AI-toepassing verbinding maakt met externe gegevensbronnen en hulpmiddelen. In plaats van voor elke combinatie van assistent en systeem een aparte koppeling te schrijven, bouw je één keer een MCP-server, die vervolgens door elke compatibele toepassing te gebruiken is.

Bij de lancering hoorden de specificatie, softwarebibliotheken voor ontwikkelaars, ondersteuning in de desktopapp van Claude en kant-en-klare servers voor onder meer Google Drive, Slack, GitHub en Postgres.

Dat het protocol vanaf het begin open was, bleek doorslaggevend. Binnen enkele maanden namen andere AI-bedrijven en ontwikkeltools het over. Daarmee is MCP een zeldzaam voorbeeld van een sector die het snel eens werd over gedeelde infrastructuur.""",
            "impact": "MCP groeide uit tot een breed gebruikte standaard om tools en data aan AI te koppelen.",
            "takeaways": [
                "MCP standaardiseert de koppeling tussen AI en tools.",
                "Eén server bouwen, in veel toepassingen gebruiken.",
                "De open opzet hielp concurrenten het snel over te nemen.",
            ],
        },
    },
    {
        "maker": "anthropic",
        "type": "release",
        "published": "2025-02-24",
        "source_url": "https://www.anthropic.com/news/claude-3-7-sonnet",
        "audience": "developers",
        "level": "intermediate",
        "importance": 4,
        "author": "Anthropic",
        "tags": ["model", "reasoning", "coding", "agents"],
        "en": {
            "title": "Claude 3.7 Sonnet thinks on demand, Claude Code debuts",
            "lede": "Anthropic's hybrid model answers quickly or reasons at length, and a command-line coding agent enters preview.",
            "body": """Anthropic described Claude 3.7 Sonnet as a hybrid reasoning model: a single model that can respond instantly or switch into an extended thinking mode where it works through a problem step by step. API users can even set a budget for how long the model may think, trading cost and speed for quality.

Rather than optimising mainly for maths competitions, Anthropic said it tuned the model for real-world tasks, especially software development. Pricing stayed the same as earlier Sonnet models.

The company also launched Claude Code as a limited research preview. It runs in the terminal, reads a codebase, edits files, runs tests and can commit changes, with the developer approving steps along the way. It was an early sign of Anthropic's bet on agentic coding as a core product.""",
            "impact": "Claude Code started a wave of terminal-based coding agents across the industry.",
            "takeaways": [
                "One model offers both quick answers and deep thinking.",
                "API users can cap the thinking budget.",
                "Claude Code brings an agent into the terminal.",
            ],
        },
        "nl": {
            "title": "Claude 3.7 Sonnet denkt na wanneer dat nodig is, Claude Code maakt debuut",
            "lede": "Het hybride model van Anthropic antwoordt snel of redeneert uitgebreid, en een programmeeragent voor de terminal komt in preview.",
            "body": """Anthropic noemt Claude 3.7 Sonnet een hybride redeneermodel: één model dat direct kan antwoorden of kan overschakelen naar een uitgebreide denkmodus waarin het een probleem stap voor stap uitwerkt. Via de API kun je zelfs instellen hoeveel denktijd het model krijgt, zodat je zelf kiest tussen kosten, snelheid en kwaliteit.

In plaats van vooral te optimaliseren voor wiskundewedstrijden, zegt Anthropic het model te hebben afgestemd op praktijktaken, met name softwareontwikkeling. De prijs bleef gelijk aan die van eerdere Sonnet-modellen.

Daarnaast verscheen Claude Code als beperkte onderzoekspreview. Het draait in de terminal, leest een codebase, past bestanden aan, voert tests uit en kan wijzigingen vastleggen, waarbij de ontwikkelaar stappen goedkeurt. Een vroeg teken dat Anthropic vol inzet op zelfstandig programmeren.""",
            "impact": "Claude Code luidde een golf van programmeeragents voor de terminal in.",
            "takeaways": [
                "Eén model geeft snelle antwoorden én diep nadenken.",
                "Via de API stel je een denkbudget in.",
                "Claude Code brengt een agent naar de terminal.",
            ],
        },
    },
    {
        "maker": "anthropic",
        "type": "release",
        "published": "2025-05-22",
        "source_url": "https://www.anthropic.com/news/claude-4",
        "audience": "developers",
        "level": "expert",
        "importance": 5,
        "author": "Anthropic",
        "tags": ["model", "coding", "agents", "safety"],
        "en": {
            "title": "Claude 4 targets long-running agent work",
            "lede": "Claude Opus 4 and Sonnet 4 can work on complex tasks for hours, and Claude Code becomes generally available.",
            "body": """Anthropic introduced Claude Opus 4 and Claude Sonnet 4. The company called Opus 4 its strongest coding model and emphasised sustained performance: the ability to stay on track during long, multi-step tasks that can run for hours, rather than only answering single prompts well.

Both models can alternate between reasoning and tool use, such as web search, during extended thinking, and they are better at keeping notes in files when given access, which helps on long projects. Claude Code moved out of preview, with integrations for popular code editors and GitHub.

On the safety side, Anthropic activated its stricter ASL-3 protections for Opus 4 as a precaution, the first time it applied that level. That decision matters for anyone following how the company's scaling policy works in practice.""",
            "impact": "It sharpened the competition over which lab offers the most reliable coding agent.",
            "takeaways": [
                "Opus 4 and Sonnet 4 focus on long, multi-step tasks.",
                "Claude Code is now generally available.",
                "Opus 4 launched under ASL-3 safety measures.",
            ],
        },
        "nl": {
            "title": "Claude 4 richt zich op agents die urenlang doorwerken",
            "lede": "Claude Opus 4 en Sonnet 4 werken urenlang aan complexe taken, en Claude Code is algemeen beschikbaar.",
            "body": """Anthropic introduceerde Claude Opus 4 en Claude Sonnet 4. Opus 4 is volgens het bedrijf zijn sterkste programmeermodel, met nadruk op volharding: het vermogen om bij lange taken met veel stappen op koers te blijven, soms urenlang, in plaats van alleen losse vragen goed te beantwoorden.

Beide modellen kunnen tijdens het nadenken afwisselen tussen redeneren en hulpmiddelen gebruiken, zoals zoeken op het web. Met toegang tot bestanden houden ze beter aantekeningen bij, wat helpt bij langere projecten. Claude Code kwam uit de previewfase, met koppelingen voor populaire code-editors en GitHub.

Wat veiligheid betreft, schakelde Anthropic uit voorzorg de strengere ASL-3-maatregelen in voor Opus 4, voor het eerst dat dit niveau werd toegepast. Relevant voor iedereen die wil zien hoe het schaalbeleid van het bedrijf in de praktijk uitpakt.""",
            "impact": "De strijd om de betrouwbaarste programmeeragent werd er flink door aangescherpt.",
            "takeaways": [
                "Opus 4 en Sonnet 4 zijn gebouwd voor lange taken.",
                "Claude Code is nu algemeen beschikbaar.",
                "Opus 4 kwam uit onder ASL-3-veiligheidsmaatregelen.",
            ],
        },
    },
    {
        "maker": "mistral",
        "type": "release",
        "published": "2023-09-27",
        "source_url": "https://mistral.ai/news/",
        "audience": "developers",
        "level": "intermediate",
        "importance": 3,
        "author": "Mistral AI",
        "tags": ["open-weights", "model", "europe", "small-models"],
        "en": {
            "title": "Mistral 7B puts a European lab on the map",
            "lede": "The Paris start-up's first model is small, fast and released under the permissive Apache 2.0 licence.",
            "body": """Only a few months after its founding, Mistral AI released Mistral 7B, a 7-billion-parameter model that anyone can download and use without restrictions under the Apache 2.0 licence. Mistral claimed it outperformed Meta's larger Llama 2 13B on every benchmark it reported.

Technically, the model relies on efficiency tricks such as grouped-query attention and sliding-window attention, which make it faster and cheaper to run on long inputs. The weights were distributed openly, including via a torrent link, which became something of a trademark for the company.

For developers, Mistral 7B quickly became a popular base for fine-tuning and local experiments. For Europe, it was proof that a home-grown lab could compete at the frontier of open models.""",
            "impact": "It established Mistral as the leading European name in open-weight AI.",
            "takeaways": [
                "Mistral 7B is fully open under Apache 2.0.",
                "It beats the larger Llama 2 13B on reported tests.",
                "Efficient attention makes it cheap to run.",
            ],
        },
        "nl": {
            "title": "Mistral 7B zet een Europees lab op de kaart",
            "lede": "Het eerste model van de Parijse start-up is klein, snel en vrij te gebruiken onder de Apache 2.0-licentie.",
            "body": """Enkele maanden na de oprichting bracht Mistral AI Mistral 7B uit, een model met 7 miljard parameters dat iedereen zonder beperkingen mag downloaden en gebruiken onder de Apache 2.0-licentie. Volgens Mistral presteerde het op alle gerapporteerde tests beter dan het grotere Llama 2 13B van Meta.

Technisch leunt het model op slimme efficiëntietechnieken, zoals grouped-query attention en sliding-window attention, waardoor het sneller en goedkoper werkt bij lange invoer. De gewichten werden openlijk verspreid, onder meer via een torrentlink, iets wat een handelsmerk van het bedrijf werd.

Voor ontwikkelaars werd Mistral 7B al snel een populaire basis om verder te trainen en lokaal mee te experimenteren. Voor Europa was het het bewijs dat een eigen lab mee kon in de top van de open modellen.""",
            "impact": "Mistral werd hiermee de bekendste Europese naam op het gebied van open AI-modellen.",
            "takeaways": [
                "Mistral 7B is volledig open onder Apache 2.0.",
                "Het verslaat het grotere Llama 2 13B op de gemelde tests.",
                "Efficiënte attention maakt het goedkoop in gebruik.",
            ],
        },
    },
    {
        "maker": "mistral",
        "type": "release",
        "published": "2023-12-11",
        "source_url": "https://mistral.ai/news/mixtral-of-experts/",
        "audience": "researchers",
        "level": "expert",
        "importance": 4,
        "author": "Mistral AI",
        "tags": ["open-weights", "model", "research", "europe"],
        "en": {
            "title": "Mixtral 8x7B popularises mixture-of-experts",
            "lede": "Mistral's sparse model uses only a fraction of its parameters per token and rivals GPT-3.5 with open weights.",
            "body": """Mistral released Mixtral 8x7B, a sparse mixture-of-experts model. Each layer contains eight groups of parameters, the "experts", and a router picks two of them for every token. The model holds about 47 billion parameters in total but uses roughly 13 billion for each token, so it runs at the speed and cost of a much smaller model.

Mistral reported that Mixtral matched or beat GPT-3.5 and Llama 2 70B on most standard benchmarks, handled a 32,000-token context and worked well in English, French, Italian, German and Spanish. Like Mistral 7B, it was released under Apache 2.0.

At the same time the company opened its first paid API platform in beta. For researchers, Mixtral was the first widely available open model to show how well the mixture-of-experts approach scales.""",
            "impact": "Mixture-of-experts became the go-to architecture for many subsequent open and closed models.",
            "takeaways": [
                "Only two of eight experts are active per token.",
                "Performance rivals GPT-3.5 on common benchmarks.",
                "Weights are free to use under Apache 2.0.",
            ],
        },
        "nl": {
            "title": "Mixtral 8x7B maakt mixture-of-experts populair",
            "lede": "Het spaarzame model van Mistral gebruikt per token maar een deel van zijn parameters en kan zich met open gewichten meten met GPT-3.5.",
            "body": """Mistral bracht Mixtral 8x7B uit, een zogenoemd sparse mixture-of-experts-model. Elke laag bevat acht groepen parameters, de experts, en een router kiest er per token twee uit. In totaal heeft het model zo'n 47 miljard parameters, maar per token worden er ongeveer 13 miljard gebruikt. Daardoor is het zo snel en goedkoop als een veel kleiner model.

Volgens Mistral evenaarde of versloeg Mixtral GPT-3.5 en Llama 2 70B op de meeste standaardtests, kon het 32.000 tokens context aan en werkte het goed in het Engels, Frans, Italiaans, Duits en Spaans. Net als Mistral 7B verscheen het onder Apache 2.0.

Tegelijk opende het bedrijf in bèta zijn eerste betaalde API-platform. Voor onderzoekers was Mixtral het eerste breed beschikbare open model dat liet zien hoe goed deze aanpak schaalt.""",
            "impact": "Mixture-of-experts werd daarna de favoriete architectuur voor veel open en gesloten modellen.",
            "takeaways": [
                "Per token zijn maar twee van de acht experts actief.",
                "De prestaties liggen op het niveau van GPT-3.5.",
                "De gewichten zijn vrij te gebruiken onder Apache 2.0.",
            ],
        },
    },
    {
        "maker": "mistral",
        "type": "release",
        "published": "2024-02-26",
        "source_url": "https://mistral.ai/news/mistral-large/",
        "audience": "business",
        "level": "intermediate",
        "importance": 4,
        "author": "Mistral AI",
        "tags": ["model", "apps", "enterprise", "europe"],
        "en": {
            "title": "Mistral Large and Le Chat take on the leaders",
            "lede": "Mistral launches its most capable model, a consumer chat assistant and a distribution deal with Microsoft Azure.",
            "body": """Mistral introduced Mistral Large, its flagship model, which it positioned just behind GPT-4 on several benchmarks. Unlike its earlier releases, the weights were not published: Mistral Large is available through Mistral's own platform and, thanks to a new partnership, through Microsoft Azure.

The model is natively fluent in English, French, Spanish, German and Italian, supports a 32,000-token context and can call functions and return structured JSON, which makes it easier to plug into business software.

On the same day, the company released Le Chat in beta, a free chat assistant that let the public try its models. The Microsoft deal, which included a small investment, drew attention from European policymakers who had presented Mistral as a champion of technological independence.""",
            "impact": "Mistral showed it wanted to be a commercial provider, not only an open-model lab.",
            "takeaways": [
                "Mistral Large is a closed-weight flagship model.",
                "Le Chat gives the public a free way to try it.",
                "Azure distribution came with a Microsoft investment.",
            ],
        },
        "nl": {
            "title": "Mistral Large en Le Chat dagen de koplopers uit",
            "lede": "Mistral lanceert zijn krachtigste model, een chatassistent voor het publiek en een samenwerking met Microsoft Azure.",
            "body": """Mistral presenteerde Mistral Large, zijn topmodel, dat volgens het bedrijf op verschillende tests net achter GPT-4 eindigt. Anders dan bij eerdere modellen werden de gewichten niet gepubliceerd: Mistral Large is te gebruiken via het eigen platform van Mistral en, dankzij een nieuwe samenwerking, via Microsoft Azure.

Het model beheerst Engels, Frans, Spaans, Duits en Italiaans, verwerkt 32.000 tokens context en kan functies aanroepen en gestructureerde JSON teruggeven. Dat maakt het makkelijker om het in bedrijfssoftware in te bouwen.

Dezelfde dag verscheen Le Chat in bèta, een gratis chatassistent waarmee het publiek de modellen kon uitproberen. De deal met Microsoft, inclusief een kleine investering, viel op bij Europese beleidsmakers die Mistral juist als kampioen van technologische onafhankelijkheid hadden neergezet.""",
            "impact": "Mistral liet zien dat het een commerciële aanbieder wil zijn, niet alleen een lab voor open modellen.",
            "takeaways": [
                "Mistral Large is een topmodel zonder open gewichten.",
                "Met Le Chat kan het publiek het gratis proberen.",
                "De Azure-deal ging samen met een investering van Microsoft.",
            ],
        },
    },
    {
        "maker": "mistral",
        "type": "release",
        "published": "2024-05-29",
        "source_url": "https://mistral.ai/news/",
        "audience": "developers",
        "level": "intermediate",
        "importance": 3,
        "author": "Mistral AI",
        "tags": ["coding", "model", "open-weights"],
        "en": None,
        "nl": {
            "title": "Codestral: Mistral bouwt een eigen programmeermodel",
            "lede": "Een model van 22 miljard parameters is getraind op meer dan tachtig programmeertalen.",
            "body": """Mistral bracht Codestral uit, zijn eerste model dat speciaal is gemaakt voor programmeren. Het heeft 22 miljard parameters en is getraind op meer dan tachtig programmeertalen, van Python en JavaScript tot oudere talen zoals Fortran. Het kan code schrijven, uitleggen en aanvullen, ook midden in een bestaand bestand.

De gewichten zijn te downloaden, maar onder een nieuwe licentie die alleen niet-commercieel gebruik en onderzoek toestaat. Voor commercieel gebruik moeten bedrijven een aparte licentie afsluiten of de betaalde API gebruiken. Dat is een duidelijke koerswijziging ten opzichte van de volledig vrije Apache-licentie van eerdere modellen.

Codestral kreeg direct koppelingen met populaire ontwikkeltools, zodat programmeurs het als assistent in hun editor kunnen gebruiken.""",
            "impact": "Europese ontwikkelaars kregen een eigen alternatief voor Amerikaanse programmeerassistenten.",
            "takeaways": [
                "Codestral kent meer dan tachtig programmeertalen.",
                "De licentie verbiedt commercieel gebruik zonder afspraak.",
                "Het model werkt samen met populaire ontwikkeltools.",
            ],
        },
    },
    {
        "maker": "mistral",
        "type": "release",
        "published": "2024-07-24",
        "source_url": "https://mistral.ai/news/",
        "audience": "developers",
        "level": "expert",
        "importance": 3,
        "author": "Mistral AI",
        "tags": ["model", "open-weights", "coding", "europe"],
        "en": {
            "title": "Mistral Large 2 competes with far bigger models",
            "lede": "A 123-billion-parameter model with a 128K context window lands one day after Meta's largest Llama.",
            "body": """Mistral released Mistral Large 2, a 123-billion-parameter model with a 128,000-token context window, stronger coding abilities and support for dozens of natural and programming languages. The company said it performs close to much larger frontier models while fitting on a single server node.

The weights were published under a research licence: free for research and non-commercial use, with a commercial licence required for business deployments. Mistral also said it had trained the model to admit when it cannot find an answer rather than inventing one.

The timing was striking, arriving a day after Meta's Llama 3.1 405B. Together, the two launches narrowed the gap between openly downloadable models and the closed leaders.""",
            "impact": "It strengthened the case that open-weight models can compete with closed frontier systems.",
            "takeaways": [
                "Mistral Large 2 has 123 billion parameters.",
                "Commercial use requires a separate licence.",
                "Launched one day after Llama 3.1 405B.",
            ],
        },
        "nl": {
            "title": "Mistral Large 2 kan op tegen veel grotere modellen",
            "lede": "Een model van 123 miljard parameters met een venster van 128.000 tokens verschijnt een dag na de grootste Llama van Meta.",
            "body": """Mistral bracht Mistral Large 2 uit, een model met 123 miljard parameters, een contextvenster van 128.000 tokens, betere programmeervaardigheden en ondersteuning voor tientallen talen en programmeertalen. Volgens het bedrijf presteert het in de buurt van veel grotere topmodellen, terwijl het op één serverknooppunt past.

De gewichten verschenen onder een onderzoekslicentie: vrij voor onderzoek en niet-commercieel gebruik, met een aparte licentie voor bedrijven. Mistral zegt het model ook te hebben getraind om toe te geven wanneer het een antwoord niet weet, in plaats van iets te verzinnen.

De timing viel op: een dag na Llama 3.1 405B van Meta. Samen verkleinden de twee lanceringen de afstand tussen downloadbare modellen en de gesloten koplopers.""",
            "impact": "Het versterkte het idee dat open modellen kunnen concurreren met gesloten topmodellen.",
            "takeaways": [
                "Mistral Large 2 heeft 123 miljard parameters.",
                "Commercieel gebruik vraagt om een aparte licentie.",
                "Het kwam een dag na Llama 3.1 405B uit.",
            ],
        },
    },
    {
        "maker": "mistral",
        "type": "paper",
        "published": "2025-06-10",
        "source_url": "https://mistral.ai/news/",
        "audience": "researchers",
        "level": "expert",
        "importance": 3,
        "author": "Mistral AI",
        "tags": ["reasoning", "model", "open-weights", "europe"],
        "en": {
            "title": "Magistral is Mistral's first reasoning model",
            "lede": "An open small version and a more capable medium version reason step by step in many languages.",
            "body": """Mistral entered the reasoning-model race with Magistral, released in two forms: Magistral Small, a 24-billion-parameter model with open weights under Apache 2.0, and Magistral Medium, a more capable version offered through Le Chat and the API.

Mistral stressed two selling points. First, the reasoning is multilingual: the model can think through a problem in French, German, Spanish or other languages instead of switching to English internally. Second, the chain of thought is visible and traceable, which the company pitched as useful for regulated sectors that need to explain decisions.

Mistral also published a research paper describing its reinforcement-learning recipe, a welcome level of detail at a time when many labs share little about how their reasoning models are trained.""",
            "impact": "Europe gained an open reasoning model that works natively in multiple languages.",
            "takeaways": [
                "Magistral Small is open under Apache 2.0.",
                "Reasoning happens natively in several languages.",
                "A paper documents the training method.",
            ],
        },
        "nl": None,
    },
    {
        "maker": "meta",
        "type": "paper",
        "published": "2023-04-05",
        "source_url": "https://ai.meta.com/blog/segment-anything-foundation-model-image-segmentation/",
        "audience": "researchers",
        "level": "expert",
        "importance": 3,
        "author": "Meta AI",
        "tags": ["image", "research", "open-weights"],
        "en": None,
        "nl": {
            "title": "Segment Anything knipt elk object uit een foto",
            "lede": "Meta publiceert een model en een enorme dataset om objecten in afbeeldingen automatisch af te bakenen.",
            "body": """Meta stelde Segment Anything voor, kortweg SAM: een model dat in vrijwel elke afbeelding objecten kan afbakenen, ook objecten die het tijdens de training nooit heeft gezien. Je wijst met een klik of een kader aan wat je bedoelt, en het model tekent de precieze omtrek.

Samen met het model verscheen SA-1B, een dataset met meer dan een miljard maskers op zo'n elf miljoen afbeeldingen. Dat is veel groter dan eerdere datasets voor segmentatie. Het model werd onder een ruime opensourcelicentie beschikbaar gesteld, met een onderzoekspaper en een online demo.

Segmentatie klinkt technisch, maar zit in veel toepassingen: fotobewerking, medische beeldvorming, satellietbeelden en robotica. Door één algemeen model aan te bieden, hoeven onderzoekers niet meer voor elke taak een eigen systeem te trainen.""",
            "impact": "SAM werd een standaardbouwsteen in beeldbewerking en computer vision-onderzoek.",
            "takeaways": [
                "SAM bakent objecten af met één klik of kader.",
                "De dataset telt meer dan een miljard maskers.",
                "Model en data zijn vrij beschikbaar voor onderzoek.",
            ],
        },
    },
    {
        "maker": "meta",
        "type": "paper",
        "published": "2023-07-18",
        "source_url": "https://ai.meta.com/blog/",
        "audience": "developers",
        "level": "intermediate",
        "importance": 5,
        "author": "Meta",
        "tags": ["open-weights", "model", "enterprise"],
        "en": {
            "title": "Llama 2 opens up for commercial use",
            "lede": "Meta releases its second-generation language models for free, including for businesses, with Microsoft as a launch partner.",
            "body": """Meta released Llama 2 in sizes of 7, 13 and 70 billion parameters, along with chat-tuned versions. Where the original Llama had been limited to researchers, Llama 2 could be downloaded and used commercially for free, with one notable exception: companies with more than 700 million monthly users needed a separate licence from Meta.

Microsoft was named as a preferred partner, offering the models on Azure, and they were also available through other clouds and Hugging Face. Meta published a detailed paper covering training, fine-tuning and safety testing, which was unusually open compared with the closed labs.

The licence is not open source in the strict sense, and critics pointed that out. Still, for most developers and companies, Llama 2 was the first strong model they could host on their own infrastructure without paying per token.""",
            "impact": "Llama 2 kick-started a large ecosystem of fine-tuned models and self-hosted deployments.",
            "takeaways": [
                "Llama 2 is free for most commercial use.",
                "Very large platforms need a separate licence.",
                "A detailed paper explains training and safety work.",
            ],
        },
        "nl": {
            "title": "Llama 2 mag ook commercieel gebruikt worden",
            "lede": "Meta geeft zijn taalmodellen van de tweede generatie gratis vrij, ook voor bedrijven, met Microsoft als partner.",
            "body": """Meta bracht Llama 2 uit in varianten van 7, 13 en 70 miljard parameters, plus versies die zijn afgestemd op gesprekken. Waar de eerste Llama alleen voor onderzoekers bedoeld was, mag Llama 2 gratis worden gedownload en commercieel worden gebruikt. Er is één uitzondering: bedrijven met meer dan 700 miljoen maandelijkse gebruikers hebben een aparte licentie van Meta nodig.

Microsoft werd als voorkeurspartner genoemd en bood de modellen aan via Azure; ook andere clouds en Hugging Face kregen ze. Meta publiceerde een uitgebreid paper over training, bijsturing en veiligheidstests, wat opvallend open was vergeleken met de gesloten labs.

De licentie is geen opensource in strikte zin, en critici wezen daar ook op. Toch was Llama 2 voor de meeste ontwikkelaars en bedrijven het eerste sterke model dat ze op eigen servers konden draaien zonder per token te betalen.""",
            "impact": "Llama 2 gaf de aanzet tot een groot ecosysteem van aangepaste en zelf gehoste modellen.",
            "takeaways": [
                "Llama 2 is gratis voor het meeste commerciële gebruik.",
                "Zeer grote platforms hebben een aparte licentie nodig.",
                "Een uitgebreid paper beschrijft training en veiligheid.",
            ],
        },
    },
    {
        "maker": "meta",
        "type": "release",
        "published": "2024-04-18",
        "source_url": "https://ai.meta.com/blog/meta-llama-3/",
        "audience": "developers",
        "level": "intermediate",
        "importance": 4,
        "author": "Meta",
        "tags": ["open-weights", "model", "apps"],
        "en": {
            "title": "Llama 3 raises the level of open models",
            "lede": "Meta's 8B and 70B models are trained on far more data and power a revamped Meta AI assistant.",
            "body": """Meta released Llama 3 in two sizes, 8 billion and 70 billion parameters, both in pre-trained and instruction-tuned versions. The models were trained on more than 15 trillion tokens, several times the data used for Llama 2, and use a new tokenizer that handles text more efficiently.

Meta said the 70B model was competitive with leading closed models in its class, and the 8B version became an instant favourite for running locally. The company also revealed that a much larger model, with over 400 billion parameters, was still in training.

At the same time, Meta rolled Llama 3 into Meta AI, its assistant inside Facebook, Instagram, WhatsApp and Messenger, putting the model in front of billions of potential users.""",
            "impact": "Open models closed much of the gap with commercial offerings in everyday tasks.",
            "takeaways": [
                "Llama 3 launched in 8B and 70B sizes.",
                "Training data grew to over 15 trillion tokens.",
                "Meta AI in Meta's apps now runs on Llama 3.",
            ],
        },
        "nl": {
            "title": "Llama 3 tilt open modellen naar een hoger niveau",
            "lede": "De 8B- en 70B-modellen van Meta zijn op veel meer data getraind en vormen de basis van een vernieuwde Meta AI-assistent.",
            "body": """Meta bracht Llama 3 uit in twee maten, 8 en 70 miljard parameters, elk als basismodel en als versie die instructies volgt. De modellen zijn getraind op meer dan 15 biljoen tokens, een veelvoud van de data voor Llama 2, en gebruiken een nieuwe tokenizer die tekst efficiënter verwerkt.

Volgens Meta kon het 70B-model zich meten met de beste gesloten modellen in zijn klasse, en de 8B-versie werd meteen populair om lokaal te draaien. Het bedrijf vertelde ook dat een veel groter model, met meer dan 400 miljard parameters, nog in training was.

Tegelijk stopte Meta Llama 3 in Meta AI, de assistent in Facebook, Instagram, WhatsApp en Messenger. Daarmee kwam het model binnen bereik van miljarden mogelijke gebruikers.""",
            "impact": "Open modellen haalden bij alledaagse taken een groot deel van de achterstand op commerciële modellen in.",
            "takeaways": [
                "Llama 3 verscheen in 8B- en 70B-varianten.",
                "De trainingsdata groeide tot ruim 15 biljoen tokens.",
                "Meta AI in de apps van Meta draait nu op Llama 3.",
            ],
        },
    },
    {
        "maker": "meta",
        "type": "release",
        "published": "2024-07-23",
        "source_url": "https://ai.meta.com/blog/meta-llama-3-1/",
        "audience": "researchers",
        "level": "expert",
        "importance": 5,
        "author": "Meta",
        "tags": ["open-weights", "model", "policy"],
        "en": {
            "title": "Llama 3.1 405B is the largest open model yet",
            "lede": "Meta releases a frontier-scale model with downloadable weights, and Mark Zuckerberg argues that open source is the way forward.",
            "body": """Meta released Llama 3.1 in 8B, 70B and 405B sizes. The largest version was the first openly downloadable model that Meta said could compete with top closed systems such as GPT-4o and Claude 3.5 Sonnet on many benchmarks. All three sizes gained a 128,000-token context window and support for eight languages.

Meta also updated its licence so developers could use outputs of Llama models to improve other models, including through distillation and synthetic data generation. That made the 405B model attractive as a "teacher" for smaller specialised models.

The launch came with a letter from Mark Zuckerberg arguing that open models are safer, cheaper and better for the industry in the long run, comparing the situation to the rise of Linux.""",
            "impact": "For the first time, a frontier-class model was available for anyone to download and adapt.",
            "takeaways": [
                "The 405B model rivals leading closed models.",
                "Outputs can now be used to train other models.",
                "Zuckerberg made an explicit case for open AI.",
            ],
        },
        "nl": {
            "title": "Llama 3.1 405B is het grootste open model tot nu toe",
            "lede": "Meta brengt een topmodel uit met downloadbare gewichten, en Mark Zuckerberg noemt open source de weg vooruit.",
            "body": """Meta bracht Llama 3.1 uit in varianten van 8B, 70B en 405B. De grootste versie was het eerste vrij downloadbare model dat volgens Meta op veel tests kon concurreren met gesloten topmodellen zoals GPT-4o en Claude 3.5 Sonnet. Alle drie kregen een contextvenster van 128.000 tokens en ondersteuning voor acht talen.

Meta paste ook de licentie aan: ontwikkelaars mogen de uitvoer van Llama-modellen nu gebruiken om andere modellen te verbeteren, bijvoorbeeld via distillatie of synthetische data. Daarmee werd het 405B-model interessant als leermeester voor kleinere, gespecialiseerde modellen.

Bij de lancering hoorde een brief van Mark Zuckerberg, waarin hij betoogt dat open modellen op termijn veiliger, goedkoper en beter voor de sector zijn. Hij vergeleek de situatie met de opkomst van Linux.""",
            "impact": "Voor het eerst kon iedereen een model van topniveau downloaden en aanpassen.",
            "takeaways": [
                "Het 405B-model kan op tegen gesloten topmodellen.",
                "Uitvoer mag worden gebruikt om andere modellen te trainen.",
                "Zuckerberg pleitte nadrukkelijk voor open AI.",
            ],
        },
    },
    {
        "maker": "meta",
        "type": "paper",
        "published": "2024-10-04",
        "source_url": "https://ai.meta.com/blog/",
        "audience": "creators",
        "level": "intermediate",
        "importance": 3,
        "author": "Meta",
        "tags": ["video", "research", "voice"],
        "en": {
            "title": "Movie Gen shows Meta's take on AI video",
            "lede": "A research project generates, edits and personalises short videos with matching sound, but is not released publicly.",
            "body": """Meta presented Movie Gen, a set of research models for video and audio. The video model can create clips of up to 16 seconds from a text prompt, while a separate audio model adds sound effects and background music that fit the action. Movie Gen can also edit existing videos with text instructions and turn a photo of a person into a personalised video featuring them.

Meta published a long technical paper and compared the results favourably with other video generators in human evaluations. It did not release the models, however, and said more work was needed on cost and generation speed before any product launch.

For creators, the most interesting aspect is editing: changing a background or adding an object with a sentence could become a standard feature in Meta's apps.""",
            "impact": "Meta joined the AI video race, with an eye on Instagram and its other apps.",
            "takeaways": [
                "Movie Gen makes clips of up to 16 seconds with sound.",
                "Text-based editing of existing video is included.",
                "The models remain a research project for now.",
            ],
        },
        "nl": {
            "title": "Movie Gen toont hoe Meta over AI-video denkt",
            "lede": "Een onderzoeksproject maakt, bewerkt en personaliseert korte video's met passend geluid, maar komt nog niet beschikbaar.",
            "body": """Meta presenteerde Movie Gen, een verzameling onderzoeksmodellen voor video en audio. Het videomodel maakt clips tot 16 seconden op basis van een tekst, terwijl een apart audiomodel geluidseffecten en achtergrondmuziek toevoegt die bij de beelden passen. Movie Gen kan ook bestaande video's aanpassen met tekstopdrachten en van een foto van iemand een persoonlijke video maken.

Meta publiceerde een uitgebreid technisch paper en vergeleek de resultaten in menselijke beoordelingen gunstig met andere videogeneratoren. De modellen zelf kwamen niet beschikbaar: volgens Meta moeten kosten en snelheid eerst omlaag voordat er een product van komt.

Voor makers is vooral het bewerken interessant. Een achtergrond veranderen of een voorwerp toevoegen met één zin zou een standaardfunctie in de apps van Meta kunnen worden.""",
            "impact": "Meta deed mee aan de race om AI-video, met Instagram en de andere apps in het achterhoofd.",
            "takeaways": [
                "Movie Gen maakt clips tot 16 seconden met geluid.",
                "Bestaande video's zijn met tekst aan te passen.",
                "Voorlopig blijft het een onderzoeksproject.",
            ],
        },
    },
    {
        "maker": "meta",
        "type": "release",
        "published": "2025-04-05",
        "source_url": "https://ai.meta.com/blog/llama-4-multimodal-intelligence/",
        "audience": "developers",
        "level": "expert",
        "importance": 4,
        "author": "Meta",
        "tags": ["open-weights", "model", "multimodal"],
        "en": {
            "title": "Llama 4 switches to mixture-of-experts",
            "lede": "Meta's Scout and Maverick models are natively multimodal, with Scout offering a ten-million-token context window.",
            "body": """Meta released the first Llama 4 models on a Saturday, a surprising choice for such a large launch. Llama 4 Scout and Llama 4 Maverick are both mixture-of-experts models with 17 billion active parameters, and both were trained from the start on text and images together.

Scout is designed to fit on a single high-end GPU and claims a context window of ten million tokens, while Maverick uses more experts for higher quality. Meta also previewed Llama 4 Behemoth, a much larger model still in training that served as a teacher for the others.

The reception was mixed. Developers questioned whether the benchmark results matched real-world use, and a leaderboard entry turned out to use a specially tuned experimental version. It is a reminder to test models on your own tasks.""",
            "impact": "Llama 4 kept Meta in the open-model race but raised questions about benchmark transparency.",
            "takeaways": [
                "Scout and Maverick use mixture-of-experts designs.",
                "Scout advertises a ten-million-token context.",
                "Independent testing is advised before adopting it.",
            ],
        },
        "nl": {
            "title": "Llama 4 stapt over op mixture-of-experts",
            "lede": "Scout en Maverick van Meta zijn van begin af multimodaal, en Scout belooft een contextvenster van tien miljoen tokens.",
            "body": """Meta bracht de eerste Llama 4-modellen uit op een zaterdag, een opvallende keuze voor zo'n grote lancering. Llama 4 Scout en Llama 4 Maverick zijn beide mixture-of-experts-modellen met 17 miljard actieve parameters, en ze zijn vanaf het begin op tekst en beeld tegelijk getraind.

Scout past op één krachtige GPU en claimt een contextvenster van tien miljoen tokens; Maverick gebruikt meer experts voor hogere kwaliteit. Meta gaf ook een voorproefje van Llama 4 Behemoth, een veel groter model dat nog in training was en als leermeester voor de andere twee diende.

De ontvangst was wisselend. Ontwikkelaars betwijfelden of de testresultaten overeenkwamen met de praktijk, en een vermelding op een ranglijst bleek een speciaal afgestemde experimentele versie te zijn. Test een model dus altijd zelf op je eigen taken.""",
            "impact": "Llama 4 hield Meta in de race, maar riep vragen op over transparantie bij benchmarks.",
            "takeaways": [
                "Scout en Maverick zijn mixture-of-experts-modellen.",
                "Scout belooft tien miljoen tokens context.",
                "Eigen tests zijn aan te raden voordat je overstapt.",
            ],
        },
    },
    {
        "maker": "microsoft",
        "type": "article",
        "published": "2023-01-23",
        "source_url": "https://blogs.microsoft.com/blog/2023/01/23/microsoftandopenaiextendpartnership/",
        "audience": "business",
        "level": "beginner",
        "importance": 4,
        "author": "Microsoft",
        "tags": ["enterprise", "policy", "hardware"],
        "en": None,
        "nl": {
            "title": "Microsoft investeert miljarden extra in OpenAI",
            "lede": "De twee bedrijven verlengen hun samenwerking met een meerjarige investering en Azure als exclusieve cloud.",
            "body": """Microsoft maakte bekend dat het de samenwerking met OpenAI uitbreidt met een meerjarige investering van miljarden dollars. Het was de derde fase van een relatie die in 2019 begon, en kwam enkele weken nadat ChatGPT wereldwijd aandacht trok.

De afspraken draaien om drie dingen. Microsoft bouwt grotere supercomputers om het onderzoek van OpenAI te ondersteunen. De modellen van OpenAI worden verwerkt in producten van Microsoft, voor consumenten en bedrijven. En Azure blijft de exclusieve cloudaanbieder van OpenAI.

Voor bedrijven betekende dit dat de technologie achter ChatGPT steeds vaker via Microsoft-producten en de Azure OpenAI-dienst zou binnenkomen. Het legde ook de basis voor vragen van mededingingstoezichthouders, die later onderzochten hoe nauw de twee bedrijven met elkaar verweven zijn.""",
            "impact": "De deal maakte Microsoft de belangrijkste route waarlangs OpenAI-technologie bij bedrijven terechtkomt.",
            "takeaways": [
                "Microsoft investeert voor meerdere jaren in OpenAI.",
                "Azure blijft de exclusieve cloud van OpenAI.",
                "Toezichthouders kijken kritisch naar de band.",
            ],
        },
    },
    {
        "maker": "microsoft",
        "type": "video",
        "published": "2023-03-16",
        "source_url": "https://blogs.microsoft.com/blog/2023/03/16/introducing-microsoft-365-copilot-your-copilot-for-work/",
        "audience": "business",
        "level": "beginner",
        "importance": 4,
        "author": "Jared Spataro",
        "tags": ["apps", "enterprise", "agents"],
        "en": {
            "title": "Microsoft 365 Copilot brings AI into Office",
            "lede": "Word, Excel, PowerPoint, Outlook and Teams get an assistant that drafts, summarises and analyses using company data.",
            "body": """In an online event, Microsoft introduced Microsoft 365 Copilot, an assistant built into its familiar office applications. It combines large language models with the user's own documents, emails, calendar and chats, so it can draft a proposal in Word, build slides in PowerPoint from a document, summarise a long email thread in Outlook or recap a Teams meeting.

Microsoft also presented Business Chat, which works across apps to answer questions such as what a team decided about a project last week. The company stressed that Copilot respects existing permissions and that customer data is not used to train the underlying models.

Initially the service was tested with a small group of enterprise customers. For many organisations, it was the first concrete picture of how generative AI could land in daily office work.""",
            "impact": "It made generative AI a mainstream topic in every IT department running Microsoft 365.",
            "takeaways": [
                "Copilot works inside Word, Excel, PowerPoint, Outlook and Teams.",
                "It draws on the user's own documents and mail.",
                "Existing permissions limit what it can see.",
            ],
        },
        "nl": {
            "title": "Microsoft 365 Copilot brengt AI naar Office",
            "lede": "Word, Excel, PowerPoint, Outlook en Teams krijgen een assistent die met bedrijfsgegevens schrijft, samenvat en analyseert.",
            "body": """Tijdens een online presentatie introduceerde Microsoft Microsoft 365 Copilot, een assistent die in de bekende kantoorprogramma's is ingebouwd. Copilot combineert grote taalmodellen met je eigen documenten, e-mails, agenda en chats. Zo kan het een voorstel opstellen in Word, dia's maken in PowerPoint op basis van een document, een lange mailwisseling in Outlook samenvatten of een Teams-vergadering kort navertellen.

Microsoft toonde ook Business Chat, dat over apps heen werkt en vragen beantwoordt zoals wat een team vorige week over een project besloot. Het bedrijf benadrukte dat Copilot bestaande toegangsrechten respecteert en dat klantgegevens niet worden gebruikt om de onderliggende modellen te trainen.

In eerste instantie werd de dienst getest bij een kleine groep grote klanten. Voor veel organisaties was het het eerste concrete beeld van hoe generatieve AI in het dagelijkse kantoorwerk terechtkomt.""",
            "impact": "Generatieve AI werd een vast gespreksonderwerp op elke IT-afdeling die Microsoft 365 gebruikt.",
            "takeaways": [
                "Copilot werkt in Word, Excel, PowerPoint, Outlook en Teams.",
                "Het gebruikt je eigen documenten en e-mail.",
                "Bestaande rechten bepalen wat het kan zien.",
            ],
        },
    },
    {
        "maker": "microsoft",
        "type": "release",
        "published": "2024-04-23",
        "source_url": "https://azure.microsoft.com/en-us/blog/introducing-phi-3-redefining-whats-possible-with-slms/",
        "audience": "developers",
        "level": "intermediate",
        "importance": 3,
        "author": "Microsoft",
        "tags": ["small-models", "open-weights", "model"],
        "en": {
            "title": "Phi-3 proves small models can punch above their weight",
            "lede": "Microsoft's 3.8-billion-parameter Phi-3-mini runs on a phone yet rivals much larger models on common tests.",
            "body": """Microsoft released Phi-3-mini, the first of a family of small language models. With 3.8 billion parameters it is compact enough to run on a smartphone or laptop, yet Microsoft reported results comparable to models roughly twice its size or more on standard benchmarks.

The secret is the training data: carefully filtered web content combined with synthetic, textbook-style material generated by larger models. Phi-3-mini came in two versions, with a 4,000-token and a 128,000-token context window, and was published on Azure AI, Hugging Face and Ollama. Small and medium versions were announced to follow.

For developers, small models like this are useful where latency, cost or privacy matter, for example on devices without a reliable internet connection.""",
            "impact": "Phi-3 strengthened the trend towards capable on-device models.",
            "takeaways": [
                "Phi-3-mini has just 3.8 billion parameters.",
                "High-quality and synthetic data drive its results.",
                "It is openly available on Hugging Face and Ollama.",
            ],
        },
        "nl": {
            "title": "Phi-3 bewijst dat kleine modellen veel kunnen",
            "lede": "Phi-3-mini van Microsoft heeft 3,8 miljard parameters, draait op een telefoon en kan toch op tegen veel grotere modellen.",
            "body": """Microsoft bracht Phi-3-mini uit, het eerste model uit een familie van kleine taalmodellen. Met 3,8 miljard parameters is het compact genoeg voor een smartphone of laptop, terwijl het volgens Microsoft op standaardtests vergelijkbaar presteert met modellen die twee keer zo groot of groter zijn.

Het geheim zit in de trainingsdata: zorgvuldig gefilterde webteksten, aangevuld met synthetisch lesmateriaal dat door grotere modellen is gemaakt. Phi-3-mini kwam in twee versies, met een contextvenster van 4.000 en van 128.000 tokens, en werd gepubliceerd op Azure AI, Hugging Face en Ollama. Kleinere en middelgrote broertjes zouden volgen.

Voor ontwikkelaars zijn zulke modellen nuttig waar snelheid, kosten of privacy zwaar wegen, bijvoorbeeld op apparaten zonder betrouwbare internetverbinding.""",
            "impact": "Phi-3 versterkte de trend naar capabele modellen die op het apparaat zelf draaien.",
            "takeaways": [
                "Phi-3-mini heeft maar 3,8 miljard parameters.",
                "Goede en synthetische data verklaren de prestaties.",
                "Het model staat vrij op Hugging Face en Ollama.",
            ],
        },
    },
    {
        "maker": "microsoft",
        "type": "video",
        "published": "2024-05-20",
        "source_url": "https://blogs.microsoft.com/blog/2024/05/20/introducing-copilot-pcs/",
        "audience": "everyone",
        "level": "beginner",
        "importance": 3,
        "author": "Yusuf Mehdi",
        "tags": ["hardware", "apps", "safety"],
        "en": {
            "title": "Copilot+ PCs put AI chips in Windows laptops",
            "lede": "A new class of Windows computers with powerful neural processors runs AI features locally, including the controversial Recall.",
            "body": """Microsoft introduced Copilot+ PCs, a category of Windows laptops that must include a neural processing unit capable of more than 40 trillion operations per second. The first models used Qualcomm's Snapdragon X chips, with Intel and AMD versions to follow.

The dedicated chip lets AI features run on the device rather than in the cloud. Microsoft showed live captions with translation, image generation in Paint and Photos, and Recall, a feature that takes regular snapshots of the screen so users can search their past activity.

Recall quickly drew heavy criticism from security researchers, who warned about storing a searchable history of everything on screen. Microsoft delayed the feature, made it opt-in and added encryption before releasing it more widely.""",
            "impact": "On-device AI became a selling point for laptops, and Recall became a case study in privacy backlash.",
            "takeaways": [
                "Copilot+ PCs require a powerful neural processor.",
                "Several AI features run fully on the device.",
                "Recall was delayed after privacy criticism.",
            ],
        },
        "nl": {
            "title": "Copilot+ pc's stoppen AI-chips in Windows-laptops",
            "lede": "Een nieuwe klasse Windows-computers met krachtige neurale processors draait AI lokaal, inclusief het omstreden Recall.",
            "body": """Microsoft introduceerde Copilot+ pc's, een categorie Windows-laptops met een neurale processor die meer dan 40 biljoen bewerkingen per seconde aankan. De eerste modellen gebruikten Snapdragon X-chips van Qualcomm; versies met Intel en AMD zouden volgen.

Dankzij die aparte chip draaien AI-functies op het apparaat zelf in plaats van in de cloud. Microsoft liet live ondertiteling met vertaling zien, beeldgeneratie in Paint en Foto's, en Recall: een functie die regelmatig momentopnamen van het scherm maakt, zodat je later terug kunt zoeken wat je eerder deed.

Beveiligingsonderzoekers kritiseerden Recall al snel, omdat een doorzoekbare geschiedenis van alles op je scherm een aantrekkelijk doelwit is. Microsoft stelde de functie uit, maakte haar optioneel en voegde versleuteling toe voordat ze breder beschikbaar kwam.""",
            "impact": "AI op het apparaat werd een verkoopargument, en Recall een schoolvoorbeeld van privacyophef.",
            "takeaways": [
                "Copilot+ pc's hebben een krachtige neurale processor nodig.",
                "Verschillende AI-functies draaien volledig lokaal.",
                "Recall werd uitgesteld na kritiek op privacy.",
            ],
        },
    },
    {
        "maker": "microsoft",
        "type": "paper",
        "published": "2024-12-12",
        "source_url": "https://blogs.microsoft.com/ai/",
        "audience": "researchers",
        "level": "expert",
        "importance": 2,
        "author": "Microsoft Research",
        "tags": ["small-models", "reasoning", "research"],
        "en": {
            "title": "Phi-4 focuses small-model training on maths",
            "lede": "Microsoft's 14-billion-parameter model relies heavily on synthetic data and performs strongly on complex reasoning problems.",
            "body": """Microsoft announced Phi-4, a 14-billion-parameter model that continues its bet on small, carefully trained language models. Most of the training data was synthetic, generated and filtered to teach structured problem-solving, complemented by curated organic data.

According to the accompanying technical report, Phi-4 performs particularly well on mathematics, including on competition problems released after its training data was collected — an attempt to show that the results are not simply due to contamination by test questions. On general knowledge and instruction following, it remains behind larger models.

The model first appeared on Azure AI Foundry under a research licence, with weights later published on Hugging Face. For researchers, Phi-4 is a useful data point in the debate over how far synthetic data can take small models.""",
            "impact": "A minor release, but a notable signal about the power of synthetic training data.",
            "takeaways": [
                "Phi-4 has 14 billion parameters.",
                "Synthetic data makes up most of its training mix.",
                "Maths reasoning is its strongest area.",
            ],
        },
        "nl": None,
    },
    {
        "maker": "deepseek",
        "type": "release",
        "published": "2024-12-26",
        "source_url": "https://api-docs.deepseek.com/news/",
        "audience": "researchers",
        "level": "expert",
        "importance": 4,
        "author": "DeepSeek",
        "tags": ["open-weights", "model", "research", "pricing"],
        "en": {
            "title": "DeepSeek-V3 shows frontier training on a budget",
            "lede": "A 671-billion-parameter mixture-of-experts model with open weights reportedly cost only a few million dollars in compute.",
            "body": """DeepSeek released V3, a mixture-of-experts model with 671 billion parameters in total, of which about 37 billion are active for each token. The weights were published openly, and the company reported results that put it alongside leading closed models on many benchmarks.

What caught the industry's attention was the training bill. DeepSeek's technical report put the final training run at roughly 2.8 million GPU hours on Nvidia H800 chips, worth around 5.6 million dollars at rental prices. That figure excludes research, experiments and staff, but it was still far below what observers assumed frontier models cost.

Techniques such as FP8 mixed-precision training and an auxiliary-loss-free load-balancing method for the experts were credited for the efficiency. API prices were also very low.""",
            "impact": "It challenged assumptions that only the richest labs can train top-tier models.",
            "takeaways": [
                "V3 activates 37B of its 671B parameters per token.",
                "The reported final training run cost about $5.6 million.",
                "Weights are open and API prices are low.",
            ],
        },
        "nl": {
            "title": "DeepSeek-V3 laat zien dat topmodellen goedkoper kunnen",
            "lede": "Een open mixture-of-experts-model met 671 miljard parameters kostte naar verluidt maar enkele miljoenen dollars aan rekenkracht.",
            "body": """DeepSeek bracht V3 uit, een mixture-of-experts-model met in totaal 671 miljard parameters, waarvan er per token ongeveer 37 miljard actief zijn. De gewichten zijn openbaar, en volgens het bedrijf kan het model zich op veel tests meten met gesloten topmodellen.

Wat de sector vooral opviel, was de rekening. Volgens het technische rapport kostte de laatste trainingsronde zo'n 2,8 miljoen GPU-uren op H800-chips van Nvidia, omgerekend ongeveer 5,6 miljoen dollar aan huurprijs. Onderzoek, experimenten en personeel zitten daar niet in, maar het bedrag lag ver onder wat waarnemers voor een topmodel verwachtten.

De efficiëntie komt onder meer van training met FP8-precisie en een slimme manier om het werk over de experts te verdelen. Ook de API-prijzen waren erg laag.""",
            "impact": "Het zette de aanname onder druk dat alleen de rijkste labs topmodellen kunnen trainen.",
            "takeaways": [
                "V3 gebruikt per token 37 van zijn 671 miljard parameters.",
                "De laatste trainingsronde kostte ongeveer 5,6 miljoen dollar.",
                "De gewichten zijn open en de API is goedkoop.",
            ],
        },
    },
    {
        "maker": "deepseek",
        "type": "paper",
        "published": "2025-01-20",
        "source_url": "https://api-docs.deepseek.com/news/news250120",
        "audience": "everyone",
        "level": "intermediate",
        "importance": 5,
        "author": "DeepSeek",
        "tags": ["reasoning", "open-weights", "model", "pricing"],
        "en": {
            "title": "DeepSeek-R1 matches o1 with open weights",
            "lede": "A Chinese reasoning model under the MIT licence shakes up the AI industry and briefly rattles tech stocks.",
            "body": """DeepSeek released R1, a reasoning model that the company said performs on par with OpenAI's o1 on maths, coding and reasoning tasks. The weights came under the permissive MIT licence, together with a paper describing how reinforcement learning alone could teach a model to reason, and six smaller distilled models based on Qwen and Llama.

The combination of openness, quality and very low API prices had an immediate effect. DeepSeek's app climbed to the top of app store charts, and in the following days investors questioned how much computing hardware AI would really need, hitting chip stocks hard.

For users, a caveat applies: the hosted service is subject to Chinese regulation and content rules, and privacy regulators in several European countries opened inquiries.""",
            "impact": "R1 made advanced reasoning freely available and shifted the debate about the cost of AI.",
            "takeaways": [
                "R1 rivals o1 and is released under the MIT licence.",
                "Distilled versions run on modest hardware.",
                "The hosted app raises privacy questions in Europe.",
            ],
        },
        "nl": {
            "title": "DeepSeek-R1 evenaart o1 met open gewichten",
            "lede": "Een Chinees redeneermodel onder de MIT-licentie zet de AI-sector op zijn kop en laat techaandelen even wankelen.",
            "body": """DeepSeek bracht R1 uit, een redeneermodel dat volgens het bedrijf op wiskunde, programmeren en redeneren vergelijkbaar presteert met o1 van OpenAI. De gewichten verschenen onder de ruime MIT-licentie, samen met een paper over hoe reinforcement learning een model zelfstandig kan leren redeneren, en zes kleinere, afgeleide modellen op basis van Qwen en Llama.

De combinatie van openheid, kwaliteit en zeer lage API-prijzen had direct effect. De app van DeepSeek schoot naar de top van de downloadlijsten, en in de dagen daarna vroegen beleggers zich af hoeveel rekenkracht AI eigenlijk nodig heeft, wat chipaandelen hard raakte.

Voor gebruikers geldt wel een kanttekening: de online dienst valt onder Chinese regels en censuur, en privacytoezichthouders in verschillende Europese landen startten een onderzoek.""",
            "impact": "R1 maakte geavanceerd redeneren vrij beschikbaar en veranderde het debat over de kosten van AI.",
            "takeaways": [
                "R1 kan op tegen o1 en valt onder de MIT-licentie.",
                "Afgeleide versies draaien op bescheiden hardware.",
                "De app roept in Europa privacyvragen op.",
            ],
        },
    },
    {
        "maker": "deepseek",
        "type": "article",
        "published": "2025-02-24",
        "source_url": "https://github.com/deepseek-ai/open-infra-index",
        "audience": "developers",
        "level": "expert",
        "importance": 2,
        "author": "DeepSeek",
        "tags": ["open-weights", "research", "hardware"],
        "en": {
            "title": "DeepSeek opens up its infrastructure code",
            "lede": "During an 'Open Source Week', the lab publishes one piece of its training and inference stack per day.",
            "body": """Instead of a new model, DeepSeek spent a week publishing the engineering tools behind its models. The series opened with FlashMLA, an efficient decoding kernel for Nvidia Hopper GPUs, and continued with libraries for communication between experts in mixture-of-experts models, fast matrix multiplication in FP8, pipeline-parallel scheduling and a distributed file system.

Each release came with code on GitHub and brief documentation. The pieces are aimed at teams that train or serve large models themselves, not at casual users.

The week reinforced DeepSeek's image as a lab that shares not just weights but also the low-level techniques that made its cheap training possible. For infrastructure engineers, it is a rare look inside a production stack at frontier scale.""",
            "impact": "A niche but valuable release for teams running large models on their own GPUs.",
            "takeaways": [
                "DeepSeek published one infrastructure tool per day.",
                "The code targets teams training or serving big models.",
                "It shows the engineering behind DeepSeek's efficiency.",
            ],
        },
        "nl": None,
    },
    {
        "maker": "deepseek",
        "type": "release",
        "published": "2025-05-28",
        "source_url": "https://api-docs.deepseek.com/news/",
        "audience": "developers",
        "level": "intermediate",
        "importance": 3,
        "author": "DeepSeek",
        "tags": ["reasoning", "model", "api", "open-weights"],
        "en": {
            "title": "DeepSeek-R1 gets a quiet but solid upgrade",
            "lede": "The R1-0528 update improves reasoning depth, reduces made-up answers and adds features developers had asked for.",
            "body": """DeepSeek published an updated version of its reasoning model, labelled R1-0528 after its release date. Without a big launch event, the company reported clear improvements on maths, programming and logic benchmarks, attributing them to more computation during training and better post-training methods. The model also tends to think longer per question.

DeepSeek said the update reduces hallucinations and improves support for function calling and JSON output, which makes it easier to use in applications and agents. It also distilled the reasoning of the new version into a small model based on Qwen3 8B.

The weights remain under the MIT licence. For teams already using R1, the upgrade is largely a drop-in improvement, though longer reasoning can increase response times and costs.""",
            "impact": "It kept DeepSeek close to the leading closed reasoning models without a new model name.",
            "takeaways": [
                "R1-0528 improves maths, coding and logic scores.",
                "Function calling and JSON output are better supported.",
                "Longer reasoning can raise latency and cost.",
            ],
        },
        "nl": {
            "title": "DeepSeek-R1 krijgt een stille maar stevige update",
            "lede": "De update R1-0528 redeneert dieper, verzint minder en voegt functies toe waar ontwikkelaars om vroegen.",
            "body": """DeepSeek publiceerde een nieuwe versie van zijn redeneermodel, R1-0528, genoemd naar de datum van verschijnen. Zonder groot lanceringsevenement meldde het bedrijf duidelijke verbeteringen op tests voor wiskunde, programmeren en logica. Die komen volgens DeepSeek door meer rekenkracht tijdens de training en betere nabewerking. Het model denkt ook langer na per vraag.

Volgens DeepSeek verzint de nieuwe versie minder vaak dingen en werkt ze beter met functieaanroepen en JSON-uitvoer. Dat maakt het model makkelijker in te zetten in toepassingen en agents. Daarnaast werd de redeneerkracht overgebracht naar een klein model op basis van Qwen3 8B.

De gewichten blijven onder de MIT-licentie. Voor wie R1 al gebruikt, is het vooral een eenvoudige verbetering, al kan het langere nadenken de wachttijd en kosten verhogen.""",
            "impact": "DeepSeek bleef zo dicht bij de gesloten redeneermodellen, zonder nieuwe modelnaam.",
            "takeaways": [
                "R1-0528 scoort beter op wiskunde, code en logica.",
                "Functieaanroepen en JSON werken beter.",
                "Langer nadenken kan tijd en geld kosten.",
            ],
        },
    },
    {
        "maker": "xai",
        "type": "release",
        "published": "2023-11-04",
        "source_url": "https://x.ai/news",
        "audience": "everyone",
        "level": "beginner",
        "importance": 2,
        "author": "xAI",
        "tags": ["model", "apps"],
        "en": {
            "title": "xAI introduces Grok, a chatbot with attitude",
            "lede": "Elon Musk's AI company launches an early version of its assistant for a limited group of X users.",
            "body": """xAI, the company Elon Musk founded earlier in 2023, announced Grok, an AI assistant designed to answer questions with humour and a self-described rebellious streak. Its main technical selling point was access to real-time information from posts on X, giving it an edge on current events over chatbots with fixed training cut-offs.

Grok ran on a model called Grok-1, developed in a few months, which xAI said performed better than GPT-3.5 on several benchmarks but behind GPT-4. The assistant was initially available as an early beta to a limited number of users in the United States, with wider access planned for X Premium+ subscribers.

The launch mostly established xAI as a new player; the models were not yet at the frontier.""",
            "impact": "A modest first step that tied xAI's fortunes closely to the X platform.",
            "takeaways": [
                "Grok draws on real-time posts from X.",
                "Grok-1 was placed between GPT-3.5 and GPT-4.",
                "Access started with a small US beta.",
            ],
        },
        "nl": {
            "title": "xAI presenteert Grok, een chatbot met een eigen toon",
            "lede": "Het AI-bedrijf van Elon Musk lanceert een vroege versie van zijn assistent voor een beperkte groep X-gebruikers.",
            "body": """xAI, het bedrijf dat Elon Musk eerder in 2023 oprichtte, kondigde Grok aan: een AI-assistent die vragen beantwoordt met humor en, in eigen woorden, een rebelse inslag. Het belangrijkste technische voordeel was toegang tot actuele berichten op X, waardoor Grok beter bij was met het nieuws dan chatbots met een vaste kennisgrens.

Grok draaide op Grok-1, een model dat in enkele maanden was ontwikkeld. Volgens xAI scoorde het op verschillende tests beter dan GPT-3.5 maar lager dan GPT-4. De assistent kwam eerst als vroege bèta beschikbaar voor een beperkt aantal gebruikers in de Verenigde Staten; bredere toegang voor abonnees van X Premium+ zou volgen.

De lancering zette xAI vooral op de kaart als nieuwe speler. De modellen hoorden nog niet bij de absolute top.""",
            "impact": "Een bescheiden eerste stap die xAI nauw aan het platform X verbond.",
            "takeaways": [
                "Grok gebruikt actuele berichten van X.",
                "Grok-1 zat tussen GPT-3.5 en GPT-4 in.",
                "De toegang begon met een kleine bèta in de VS.",
            ],
        },
    },
    {
        "maker": "xai",
        "type": "release",
        "published": "2024-03-17",
        "source_url": "https://x.ai/news",
        "audience": "researchers",
        "level": "expert",
        "importance": 3,
        "author": "xAI",
        "tags": ["open-weights", "model", "research"],
        "en": {
            "title": "xAI releases the weights of Grok-1",
            "lede": "The 314-billion-parameter base model is published under Apache 2.0, without the chatbot fine-tuning.",
            "body": """xAI published the weights and architecture of Grok-1, a mixture-of-experts model with 314 billion parameters, under the Apache 2.0 licence. At the time it was one of the largest models ever released openly.

The release covers the raw base model from the end of pre-training, in October 2023. It has not been fine-tuned for dialogue, so it does not behave like the Grok chatbot and needs further work before it is useful in an application. About a quarter of the weights are active for any given token.

The move followed Elon Musk's public criticism of OpenAI for abandoning openness. In practice, the model's size made it impractical for most hobbyists, but researchers gained a large, permissively licensed mixture-of-experts model to study.""",
            "impact": "A symbolic open release that mattered more for research than for everyday developers.",
            "takeaways": [
                "Grok-1 has 314 billion parameters.",
                "Only the base model was released, not the chatbot.",
                "The licence is the permissive Apache 2.0.",
            ],
        },
        "nl": {
            "title": "xAI geeft de gewichten van Grok-1 vrij",
            "lede": "Het basismodel met 314 miljard parameters verschijnt onder Apache 2.0, zonder de bijsturing voor de chatbot.",
            "body": """xAI publiceerde de gewichten en architectuur van Grok-1, een mixture-of-experts-model met 314 miljard parameters, onder de Apache 2.0-licentie. Het was op dat moment een van de grootste modellen die ooit openlijk zijn vrijgegeven.

Het gaat om het ruwe basismodel aan het einde van de voortraining, in oktober 2023. Het is niet bijgestuurd voor gesprekken, dus het gedraagt zich niet als de Grok-chatbot en vraagt extra werk voordat je het in een toepassing kunt gebruiken. Per token is ongeveer een kwart van de gewichten actief.

De stap volgde op publieke kritiek van Elon Musk op OpenAI, dat volgens hem zijn openheid had opgegeven. In de praktijk was het model voor de meeste hobbyisten te groot, maar onderzoekers kregen een groot, vrij te gebruiken model om te bestuderen.""",
            "impact": "Een symbolische vrijgave die meer betekende voor onderzoek dan voor gewone ontwikkelaars.",
            "takeaways": [
                "Grok-1 heeft 314 miljard parameters.",
                "Alleen het basismodel is vrijgegeven, niet de chatbot.",
                "De licentie is het ruime Apache 2.0.",
            ],
        },
    },
    {
        "maker": "xai",
        "type": "article",
        "published": "2024-03-28",
        "source_url": "https://x.ai/news",
        "audience": "developers",
        "level": "intermediate",
        "importance": 2,
        "author": "xAI",
        "tags": ["model", "reasoning"],
        "en": {
            "title": "Grok-1.5 improves reasoning and context",
            "lede": "xAI's upgraded model handles 128,000 tokens and scores much higher on maths and coding tests.",
            "body": """Less than two weeks after opening up Grok-1, xAI announced Grok-1.5. The company reported large gains on maths and coding benchmarks compared with its predecessor, narrowing the distance to the leading models of that moment.

The context window grew to 128,000 tokens, sixteen times more than before, allowing the model to work with much longer documents. xAI highlighted its ability to retrieve information reliably from across that full window.

Grok-1.5 was first offered to early testers and then to users of the Grok chatbot on X. Unlike Grok-1, the weights were not published. For developers it was mostly a signal of xAI's pace rather than something to build on, as a public API had not yet launched.""",
            "impact": "It showed xAI iterating quickly, though still behind the top labs.",
            "takeaways": [
                "Grok-1.5 has a 128K-token context window.",
                "Maths and coding scores rose sharply.",
                "The weights of this version stayed closed.",
            ],
        },
        "nl": None,
    },
    {
        "maker": "xai",
        "type": "release",
        "published": "2024-08-13",
        "source_url": "https://x.ai/news",
        "audience": "creators",
        "level": "beginner",
        "importance": 3,
        "author": "xAI",
        "tags": ["model", "image", "apps", "safety"],
        "en": {
            "title": "Grok-2 brings image generation to X",
            "lede": "xAI's new models move closer to the frontier and add a loosely moderated image generator built on Black Forest Labs' Flux.",
            "body": """xAI released Grok-2 and a smaller Grok-2 mini in beta for X Premium subscribers, with API access promised for later. The company said the larger model performed in the same league as the leading models of the time on several benchmarks and a popular public leaderboard.

The most visible change was image generation inside Grok, powered by the Flux model from the German start-up Black Forest Labs. Users quickly noticed that the guardrails were far looser than those of rival tools, and images of real public figures in misleading situations spread widely on X.

For creators, the tool was easy to use and fast. For policymakers, it raised fresh questions about platform responsibility, especially with elections approaching in several countries.""",
            "impact": "xAI reached near-frontier quality, while its image tool fuelled a debate about guardrails.",
            "takeaways": [
                "Grok-2 and Grok-2 mini launched in beta on X.",
                "Image generation uses Black Forest Labs' Flux.",
                "Loose moderation drew criticism about misuse.",
            ],
        },
        "nl": {
            "title": "Grok-2 brengt beeldgeneratie naar X",
            "lede": "De nieuwe modellen van xAI komen dichter bij de top en voegen een losjes gemodereerde beeldgenerator toe, gebouwd op Flux.",
            "body": """xAI bracht Grok-2 en het kleinere Grok-2 mini in bèta uit voor abonnees van X Premium; toegang via een API zou later volgen. Volgens het bedrijf presteerde het grotere model op verschillende tests en een populaire openbare ranglijst op het niveau van de toenmalige topmodellen.

De meest zichtbare verandering was beeldgeneratie in Grok, aangedreven door het Flux-model van de Duitse start-up Black Forest Labs. Gebruikers merkten al snel dat de beperkingen veel losser waren dan bij concurrerende tools. Beelden van bekende personen in misleidende situaties gingen op X breed rond.

Voor makers was de tool snel en eenvoudig. Voor beleidsmakers riep ze nieuwe vragen op over de verantwoordelijkheid van platforms, zeker met verkiezingen in aantocht in verschillende landen.""",
            "impact": "xAI kwam dicht bij de top, terwijl de beeldtool een debat over grenzen aanwakkerde.",
            "takeaways": [
                "Grok-2 en Grok-2 mini kwamen in bèta op X.",
                "Beeldgeneratie gebruikt Flux van Black Forest Labs.",
                "De losse moderatie leverde kritiek op misbruik op.",
            ],
        },
    },
]
