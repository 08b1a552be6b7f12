"""The words the text signals look for, one `Lexicon` per language, plus what counts in every
language (links to booking, event and checkout pages; #OpenToWork; emoji-only comments).

Data only, read by `text_signals.py`: each entry is a regular-expression fragment matched
case-insensitively between word edges (start, end or a non-word character). The lists are
short and specific on purpose: a false "business" label costs more trust than a missed one.
Every phrase is written for this tool (generic wording of LinkedIn's own templates, never a
member's text). To add a language: add its `Lexicon` to `LEXICONS` and its ISO 639-1 code is
detected and used (see `text_signals.DETECTED_LANGUAGES`).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LEXICONS", "NEUTRAL_BUSINESS", "NEUTRAL_STOCK_POSTS", "STOCK_COMMENT_OPENERS",
           "STOCK_COMMENT_PHRASES", "Lexicon"]


@dataclass(frozen=True)
class Lexicon:
    """One language's patterns."""

    business: tuple[str, ...]  # calls to action and offers: what social selling looks like
    first_person: tuple[str, ...]  # words that say "I" (personal voice)
    stock_posts: tuple[str, ...]  # LinkedIn's templated posts, in LinkedIn's wording


EN = Lexicon(
    business=(
        r"book (?:a|your) (?:call|slot|demo|session|meeting)", r"dm me",
        r"send me a (?:dm|message)", r"contact me", r"get in touch", r"let'?s talk",
        r"discovery call", r"free (?:consultation|audit|guide|trial|call)", r"sign up",
        r"register (?:here|now|for)",
        r"join (?:my|our|the) (?:webinar|workshop|masterclass|program|programme|cohort"
        r"|newsletter)",
        r"webinar", r"masterclass", r"limited (?:spots|seats|places)", r"download (?:the|my|our) ",
        r"link in (?:the )?comments?", r"calendly", r"special offer", r"discount",
        r"enrol(?:l)?", r"my (?:services|offer|clients)", r"we(?:'re| are) hiring",
    ),
    first_person=(r"i", r"i['’](?:m|ve|d|ll)", r"my", r"myself", r"me", r"mine"),
    stock_posts=(
        r"(?:happy|pleased|excited|thrilled|delighted) to share (?:that )?i['’]?m starting a new "
        r"position",
        r"i['’]?m starting a new position as",
        r"(?:i['’]ve|i have) (?:obtained|earned|received) a new certification",
        r"i (?:just )?(?:finished|completed) the course",
        r"i['’]ve just (?:finished|completed) the course",
        r"(?:i['’]m|i am) open to work",
        r"celebrating (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) years? at",
        r"work anniversary", r"(?:i['’]m|i am) hiring",
    ),
)

FR = Lexicon(
    business=(
        r"prenez rendez-vous", r"prendre rendez-vous", r"contactez-moi", r"écrivez-moi",
        r"en mp", r"en message privé", r"inscrivez-vous", r"inscriptions?", r"webinaires?",
        r"atelier gratuit", r"places limitées", r"téléchargez", r"lien en commentaires?",
        r"appel découverte", r"réservez", r"offre (?:spéciale|de lancement|limitée)",
        r"mes (?:clients|services|accompagnements)", r"mon (?:offre|programme|accompagnement)",
        r"on recrute", r"devis",
    ),
    first_person=(r"je", r"j['’]", r"moi", r"mon", r"ma", r"mes", r"m['’]"),
    stock_posts=(
        r"(?:heureux|heureuse|ravi|ravie) de vous annoncer que je commence un nouveau poste",
        r"je commence un nouveau poste", r"j['’]ai obtenu une nouvelle certification",
        r"j['’]ai (?:terminé|suivi) le cours", r"je suis (?:ouvert|ouverte) aux opportunités",
        r"je suis à l['’]écoute (?:de nouvelles|des) opportunités", r"je recrute",
        r"(?:célèbre|fête) (?:mes )?\d+ ans? (?:chez|à)", r"anniversaire professionnel",
    ),
)

ES = Lexicon(
    business=(
        r"reserva (?:tu|una) (?:llamada|cita|sesión|plaza)",
        r"agenda (?:tu|una) (?:llamada|cita|reunión|sesión)", r"escríbeme", r"contáctame",
        r"contacta conmigo", r"mándame un (?:mensaje|md|dm)", r"por (?:md|dm|privado)",
        r"inscríbete", r"inscripciones?", r"regístrate", r"webinars?", r"seminario web",
        r"masterclass", r"(?:plazas|cupos) limitad[oa]s", r"descarga (?:la|el|mi|nuestra) ",
        r"enlace en (?:los )?comentarios", r"llamada de descubrimiento",
        r"(?:consulta|asesoría) gratuita", r"oferta (?:especial|de lanzamiento|limitada)",
        r"mis (?:servicios|clientes)", r"mi (?:oferta|programa|mentoría)",
        r"estamos contratando", r"descuento",
    ),
    first_person=(r"yo", r"mi", r"mis", r"me", r"conmigo", r"mío", r"mía"),
    stock_posts=(
        r"me complace compartir que (?:empiezo|comienzo) un nuevo (?:cargo|puesto)",
        r"(?:empiezo|comienzo) un nuevo (?:cargo|puesto) como",
        r"(?:he obtenido|obtuve) una nueva certificación",
        r"(?:he terminado|acabo de terminar|terminé) el curso",
        r"estoy (?:abierto|abierta) a (?:nuevas oportunidades|trabajar)", r"estoy contratando",
        r"aniversario laboral",
    ),
)

PT = Lexicon(
    business=(
        r"agende (?:uma|sua) (?:conversa|reunião|chamada|call|sessão)",
        r"marque (?:uma|sua) (?:conversa|reunião|chamada)",
        r"(?:me )?chama no (?:direct|privado|inbox)", r"fale comigo", r"entre em contato",
        r"inscreva-se", r"inscrições?", r"webinars?", r"masterclass", r"vagas limitadas",
        r"link nos comentários", r"baixe (?:o|a|meu|minha|nosso|nossa) ",
        r"(?:consultoria|mentoria|avaliação) gratuita",
        r"oferta (?:especial|de lançamento|limitada)", r"meus (?:serviços|clientes)",
        r"minha (?:mentoria|consultoria)", r"meu (?:programa|curso)", r"estamos contratando",
        r"desconto", r"garanta (?:já )?(?:a )?sua vaga",
    ),
    first_person=(r"eu", r"meu", r"minha", r"meus", r"minhas", r"me", r"comigo"),
    stock_posts=(
        r"tenho o prazer de compartilhar que estou começando em um novo cargo",
        r"estou começando em um novo cargo", r"(?:obtive|conquistei) uma nova certificação",
        r"(?:acabei de concluir|concluí|terminei) o curso",
        r"estou (?:aberto|aberta) a (?:novas oportunidades|trabalho)", r"estou contratando",
        r"aniversário de trabalho",
    ),
)

DE = Lexicon(
    business=(
        r"buchen sie (?:einen|ein|ihr|ihren|jetzt)", r"termin (?:buchen|vereinbaren)",
        r"jetzt (?:anmelden|buchen|registrieren)", r"melden sie sich (?:jetzt )?an",
        r"anmeldung", r"schreiben sie mir", r"schreib mir", r"per (?:dm|pn)",
        r"kontaktieren sie mich", r"kostenlose[sn]? (?:erstgespräch|beratung|webinar|workshop)",
        r"erstgespräch", r"webinare?", r"masterclass", r"begrenzte plätze",
        r"plätze sind begrenzt", r"link in den kommentaren", r"(?:mein|unser) angebot",
        r"sonderangebot", r"rabatt", r"meine (?:kunden|kundinnen|leistungen)",
        r"wir stellen ein",
    ),
    first_person=(r"ich", r"mein", r"meine", r"meinen", r"meinem", r"meiner", r"meines",
                  r"mich", r"mir"),
    stock_posts=(
        r"ich freue mich,? (?:ihnen |euch )?mitteilen zu können,? dass ich eine neue position",
        r"eine neue position als [^.!?\n]{0,80}begonnen",
        r"(?:eine )?neue zertifizierung erhalten",
        r"(?:den|diesen) kurs [^.!?\n]{0,60}abgeschlossen",
        r"ich bin offen für (?:neue )?(?:jobangebote|stellenangebote|möglichkeiten)",
        r"ich stelle ein", r"(?:dienst|arbeits)jubiläum",
    ),
)

IT = Lexicon(
    business=(
        r"prenota (?:una|la tua|un|il tuo) (?:call|chiamata|consulenza|sessione|posto)",
        r"scrivimi", r"contattami", r"in (?:dm|privato)", r"iscriviti", r"iscrizioni",
        r"webinar", r"masterclass", r"posti limitati", r"link nei commenti",
        r"scarica (?:la|il|la mia|il mio|la nostra|il nostro) ", r"consulenza gratuita",
        r"offerta (?:speciale|di lancio|limitata)", r"i miei (?:servizi|clienti)",
        r"il mio (?:programma|percorso)", r"stiamo assumendo", r"sconto",
    ),
    first_person=(r"io", r"mio", r"mia", r"miei", r"mie", r"mi", r"me", r"ho"),
    stock_posts=(
        r"sono (?:felice|lieto|lieta) di condividere che (?:inizio|ho iniziato) una nuova "
        r"posizione",
        r"(?:inizio|ho iniziato) una nuova posizione come",
        r"(?:ho ottenuto|ho conseguito) una nuova certificazione",
        r"ho (?:appena )?(?:terminato|completato|concluso) il corso",
        r"sono (?:disponibile|aperto|aperta) a (?:nuove opportunità|lavorare)",
        r"sto assumendo", r"anniversario (?:di lavoro|lavorativo)",
    ),
)

NL = Lexicon(
    business=(
        r"plan (?:een|je) (?:gesprek|call|afspraak)", r"boek (?:een|je) (?:gesprek|call|sessie)",
        r"stuur me een (?:bericht|dm)", r"neem contact (?:met mij |met me )?op",
        r"schrijf je (?:nu )?in", r"inschrijven", r"meld je (?:nu )?aan", r"webinars?",
        r"masterclass", r"beperkte plaatsen", r"link in de (?:comments|reacties)",
        r"download (?:de|mijn|onze|het) ", r"gratis (?:kennismakingsgesprek|adviesgesprek|consult)",
        r"kennismakingsgesprek", r"mijn (?:diensten|klanten|aanbod)", r"korting",
        r"we zoeken (?:een )?(?:nieuwe )?collega",
    ),
    first_person=(r"ik", r"mijn", r"me", r"mij", r"mezelf"),
    stock_posts=(
        r"ik ben blij (?:om )?te (?:kunnen )?delen dat ik (?:begin|ben begonnen) (?:aan|in|met) "
        r"een nieuwe (?:functie|baan)",
        r"(?:begin|ben begonnen) (?:aan|in) een nieuwe functie als",
        r"(?:heb|behaald) (?:ik )?een nieuwe certificering", r"nieuwe certificering behaald",
        r"de cursus [^.!?\n]{0,60}(?:afgerond|voltooid)",
        r"ik sta open voor (?:nieuwe )?(?:kansen|werk|uitdagingen)", r"ik ben aan het werven",
        r"werkjubileum",
    ),
)

# One per language, by ISO 639-1 code (the language identifier's codes).
LEXICONS: dict[str, Lexicon] = {"en": EN, "fr": FR, "es": ES, "pt": PT, "de": DE, "it": IT,
                                "nl": NL}

# Business evidence in any language: pages to book a call, register for an event, or buy.
NEUTRAL_BUSINESS: tuple[str, ...] = (
    # booking and scheduling
    r"calendly\.com", r"cal\.com", r"meetings(?:-\w+)?\.hubspot\.com", r"hubspot\.com/meetings",
    r"doodle\.com", r"zcal\.co", r"savvycal\.com", r"tidycal\.com", r"youcanbook\.me",
    r"acuityscheduling\.com", r"outlook\.office(?:365)?\.com/(?:book|owa/calendar)",
    r"bookings\.cloud\.microsoft", r"book\.ms",
    # events
    r"eventbrite\.(?:com|co\.uk|fr|es|de|it|nl|com\.br|pt|ca|ie|com\.au)", r"meetup\.com",
    r"lu\.ma", r"luma\.com", r"linkedin\.com/events", r"livestorm\.co", r"zoom\.us/webinar",
    # offers and checkout pages
    r"gumroad\.com", r"buy\.stripe\.com", r"checkout\.stripe\.com", r"lemonsqueezy\.com",
    r"podia\.com", r"teachable\.com", r"kajabi\.com", r"thinkific\.com", r"systeme\.io",
    r"payhip\.com", r"hotmart\.com", r"sympla\.com\.br", r"digistore24\.com",
)

# Templated posts in any language.
NEUTRAL_STOCK_POSTS: tuple[str, ...] = (r"#opentowork",)

# Comments (no language identified: they are many): a comment is stock when it opens, within
# its first few words, with a congratulation or a bare "interested" (and is short), or when
# it is only stock words (see text_signals.stock_comment).
STOCK_COMMENT_OPENERS: tuple[str, ...] = (
    r"congrats", r"congratulations?", r"happy (?:work )?anniversary", r"well deserved",
    r"(?:i['’]m |i am )?interested",
    r"félicitations", r"(?:je suis )?intéressée?", r"bravo", r"joyeux anniversaire",
    r"felicidades", r"enhorabuena", r"felicitaciones", r"(?:estoy )?interesad[oa]", r"me interesa",
    r"parabéns", r"(?:estou )?interessad[oa]", r"tenho interesse",
    r"(?:herzlichen )?glückwunsch", r"gratuliere", r"gratulation", r"interessiert",
    r"congratulazioni", r"complimenti", r"auguri", r"(?:sono )?interessat[oa]", r"mi interessa",
    r"gefeliciteerd", r"proficiat", r"van harte", r"geïnteresseerd",
)
STOCK_COMMENT_PHRASES: tuple[str, ...] = (
    r"thanks? (?:you )?for sharing", r"great (?:post|news|insights?)", r"love this", r"so true",
    r"agreed", r"well (?:said|done)", r"good luck", r"awesome", r"amazing", r"nice",
    r"merci (?:pour|du) (?:le )?partage", r"tellement vrai", r"bien joué", r"top", r"super",
    r"génial", r"bonne chance",
    r"gracias por compartir", r"genial", r"excelente", r"mucho éxito",
    r"obrigad[oa] por compartilhar", r"ótimo", r"muito bom", r"sucesso",
    r"danke (?:fürs|für das) teilen", r"toll", r"spannend", r"stark",
    r"grazie per (?:la condivisione|aver condiviso)", r"ottimo", r"fantastico",
    r"bedankt voor het delen", r"dank voor het delen", r"mooi", r"goed gedaan", r"succes",
)
