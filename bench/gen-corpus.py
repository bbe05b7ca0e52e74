#!/usr/bin/env python3
"""Generate a synthetic news corpus for newsgraph benchmarks.

Usage: gen-corpus.py OUTDIR [--articles N]

Writes N articles (default 4000) as OUTDIR/NNNNN-LANG.txt: a title line, a
blank line, then 4-8 paragraphs separated by blank lines.  About 70 % of the
articles are Spanish and 30 % English.  Sentences come from templates written
for this project, with slots for people, roles, countries, demonyms, cities,
organisations, agreements, dates and quantities filled from the lists below.

The output is deterministic: the generator is random.Random(42), only the
Python standard library is used, and nothing depends on hash ordering, so
the same N gives byte-identical files on every machine.  The text is
nonsense at the level of facts (people and events are invented) but it uses
the constructions newsgraph extracts: role appositions, demonyms, reported
speech, deployments, treaties, dates and numbers.
"""

import argparse
import os
import random
import sys

SEED = 42

# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------

# (es name, es dem m.sg, f.sg, m.pl, f.pl, capital es,
#  en name, en adjective, capital en)
COUNTRIES = [
    ("Francia", "francés", "francesa", "franceses", "francesas", "París",
     "France", "French", "Paris"),
    ("Alemania", "alemán", "alemana", "alemanes", "alemanas", "Berlín",
     "Germany", "German", "Berlin"),
    ("Italia", "italiano", "italiana", "italianos", "italianas", "Roma",
     "Italy", "Italian", "Rome"),
    ("Polonia", "polaco", "polaca", "polacos", "polacas", "Varsovia",
     "Poland", "Polish", "Warsaw"),
    ("Portugal", "portugués", "portuguesa", "portugueses", "portuguesas",
     "Lisboa", "Portugal", "Portuguese", "Lisbon"),
    ("Marruecos", "marroquí", "marroquí", "marroquíes", "marroquíes",
     "Rabat", "Morocco", "Moroccan", "Rabat"),
    ("Argelia", "argelino", "argelina", "argelinos", "argelinas", "Argel",
     "Algeria", "Algerian", "Algiers"),
    ("Egipto", "egipcio", "egipcia", "egipcios", "egipcias", "El Cairo",
     "Egypt", "Egyptian", "Cairo"),
    ("Turquía", "turco", "turca", "turcos", "turcas", "Ankara",
     "Turkey", "Turkish", "Ankara"),
    ("Grecia", "griego", "griega", "griegos", "griegas", "Atenas",
     "Greece", "Greek", "Athens"),
    ("Ucrania", "ucraniano", "ucraniana", "ucranianos", "ucranianas", "Kiev",
     "Ukraine", "Ukrainian", "Kyiv"),
    ("Rusia", "ruso", "rusa", "rusos", "rusas", "Moscú",
     "Russia", "Russian", "Moscow"),
    ("China", "chino", "china", "chinos", "chinas", "Pekín",
     "China", "Chinese", "Beijing"),
    ("Japón", "japonés", "japonesa", "japoneses", "japonesas", "Tokio",
     "Japan", "Japanese", "Tokyo"),
    ("India", "indio", "india", "indios", "indias", "Nueva Delhi",
     "India", "Indian", "New Delhi"),
    ("Brasil", "brasileño", "brasileña", "brasileños", "brasileñas",
     "Brasilia", "Brazil", "Brazilian", "Brasília"),
    ("Argentina", "argentino", "argentina", "argentinos", "argentinas",
     "Buenos Aires", "Argentina", "Argentine", "Buenos Aires"),
    ("Chile", "chileno", "chilena", "chilenos", "chilenas", "Santiago",
     "Chile", "Chilean", "Santiago"),
    ("Colombia", "colombiano", "colombiana", "colombianos", "colombianas",
     "Bogotá", "Colombia", "Colombian", "Bogotá"),
    ("México", "mexicano", "mexicana", "mexicanos", "mexicanas",
     "Ciudad de México", "Mexico", "Mexican", "Mexico City"),
    ("Perú", "peruano", "peruana", "peruanos", "peruanas", "Lima",
     "Peru", "Peruvian", "Lima"),
    ("Canadá", "canadiense", "canadiense", "canadienses", "canadienses",
     "Ottawa", "Canada", "Canadian", "Ottawa"),
    ("Australia", "australiano", "australiana", "australianos",
     "australianas", "Canberra", "Australia", "Australian", "Canberra"),
    ("Kenia", "keniano", "keniana", "kenianos", "kenianas", "Nairobi",
     "Kenya", "Kenyan", "Nairobi"),
    ("Nigeria", "nigeriano", "nigeriana", "nigerianos", "nigerianas",
     "Abuya", "Nigeria", "Nigerian", "Abuja"),
    ("Sudáfrica", "sudafricano", "sudafricana", "sudafricanos",
     "sudafricanas", "Pretoria", "South Africa", "South African", "Pretoria"),
    ("Indonesia", "indonesio", "indonesia", "indonesios", "indonesias",
     "Yakarta", "Indonesia", "Indonesian", "Jakarta"),
    ("Vietnam", "vietnamita", "vietnamita", "vietnamitas", "vietnamitas",
     "Hanói", "Vietnam", "Vietnamese", "Hanoi"),
    ("Noruega", "noruego", "noruega", "noruegos", "noruegas", "Oslo",
     "Norway", "Norwegian", "Oslo"),
    ("Suecia", "sueco", "sueca", "suecos", "suecas", "Estocolmo",
     "Sweden", "Swedish", "Stockholm"),
    ("Irán", "iraní", "iraní", "iraníes", "iraníes", "Teherán",
     "Iran", "Iranian", "Tehran"),
    ("Jordania", "jordano", "jordana", "jordanos", "jordanas", "Amán",
     "Jordan", "Jordanian", "Amman"),
    ("Catar", "catarí", "catarí", "cataríes", "cataríes", "Doha",
     "Qatar", "Qatari", "Doha"),
    ("Corea del Sur", "surcoreano", "surcoreana", "surcoreanos",
     "surcoreanas", "Seúl", "South Korea", "South Korean", "Seoul"),
    ("Bielorrusia", "bielorruso", "bielorrusa", "bielorrusos", "bielorrusas",
     "Minsk", "Belarus", "Belarusian", "Minsk"),
    ("Finlandia", "finlandés", "finlandesa", "finlandeses", "finlandesas",
     "Helsinki", "Finland", "Finnish", "Helsinki"),
]

# Other cities (same spelling in both languages for simplicity).
CITIES = [
    "Ginebra|Geneva", "Viena|Vienna", "Bruselas|Brussels", "Estambul|Istanbul",
    "Marsella|Marseille", "Oporto|Porto", "Cartagena|Cartagena",
    "Valparaíso|Valparaíso", "Mombasa|Mombasa", "Casablanca|Casablanca",
    "Salónica|Thessaloniki", "Gdansk|Gdańsk", "Odesa|Odesa", "Osaka|Osaka",
    "Bombay|Mumbai", "São Paulo|São Paulo", "Córdoba|Córdoba",
    "Monterrey|Monterrey", "Arequipa|Arequipa", "Lagos|Lagos",
    "Ciudad del Cabo|Cape Town", "Surabaya|Surabaya", "Bergen|Bergen",
    "Gotemburgo|Gothenburg", "Tabriz|Tabriz", "Áqaba|Aqaba", "Busan|Busan",
    "Gómel|Gomel", "Tampere|Tampere", "Alejandría|Alexandria",
]

# Invented regions.
REGIONS = [
    "Valdoria", "Sarnek", "Alto Miren", "Kestrava", "Orlenta", "Tavrosk",
    "Belmira", "Nordhavn", "Zamerin", "Costa Lumen", "Ardany", "Vesselka",
    "Purnal", "Hadrea", "Monteluz", "Kirovel", "Sul Amaro", "Tezkar",
]

FIRST_M = [
    "Andrés", "Tomás", "Viktor", "Karim", "Hiroshi", "Lucas", "Mateo", "Omar",
    "Pieter", "Jonas", "Rafael", "Daniel", "Ibrahim", "Sergei", "Marco",
    "Jorge", "Emil", "Nikolai", "Samuel", "Ahmed", "Kwame", "Luis", "Felipe",
    "Anders", "Dmitri", "Javier", "Henrik", "Youssef", "Kenji", "Bruno",
]
FIRST_F = [
    "Elena", "Lucía", "Amina", "Sofia", "Ingrid", "Mariana", "Leila", "Ana",
    "Carmen", "Yuki", "Fatima", "Olga", "Irene", "Paula", "Nadia", "Clara",
    "Helena", "Marta", "Zara", "Beatriz", "Chiamaka", "Rosa", "Agnieszka",
    "Mei", "Teresa", "Lina", "Isabel", "Noor", "Katarina", "Valentina",
]
SURNAMES = [
    "Marín", "Okafor", "Lindqvist", "Haddad", "Petrov", "Castellanos",
    "Nakamura", "Moreau", "Brandt", "Kovacs", "Mendoza", "Osei", "Rahimi",
    "Varga", "Gómez", "Núñez", "Ibáñez", "Herrera", "Duarte", "Silva",
    "Novak", "Tanaka", "Farouk", "Mensah", "Ndiaye", "Rossi", "Bianchi",
    "Keller", "Jansen", "Larsen", "Wójcik", "Demir", "Yilmaz", "Alvarado",
    "Quiroga", "Saldaña", "Ferreira", "Lemaire", "Hoffmann", "Sato",
    "Abdi", "Kamau", "Petrenko", "Volkova", "Andersen", "Lozano", "Vidal",
    "Ortega", "Reyes", "Campos", "Barros", "Ruiz", "Pereira", "Karimi",
]

# (es masculine, es feminine, en, en title case)
LEADER_ROLES = [
    ("presidente", "presidenta", "president", "President"),
    ("primer ministro", "primera ministra", "prime minister",
     "Prime Minister"),
]
MINISTER_ROLES = [
    ("ministro de Asuntos Exteriores", "ministra de Asuntos Exteriores",
     "foreign minister", "Foreign Minister"),
    ("ministro de Defensa", "ministra de Defensa", "defence minister",
     "Defence Minister"),
    ("ministro de Economía", "ministra de Economía", "finance minister",
     "Finance Minister"),
    ("ministro del Interior", "ministra del Interior", "interior minister",
     "Interior Minister"),
    ("ministro de Energía", "ministra de Energía", "energy minister",
     "Energy Minister"),
    ("vicepresidente", "vicepresidenta", "vice-president", "Vice-President"),
]

# (es with article, es acronym with article, es acronym, en name, en acronym)
ORGS = [
    ("la Organización de las Naciones Unidas", "la ONU", "ONU",
     "United Nations", "UN"),
    ("la Organización Mundial de la Salud", "la OMS", "OMS",
     "World Health Organization", "WHO"),
    ("el Fondo Monetario Internacional", "el FMI", "FMI",
     "International Monetary Fund", "IMF"),
    ("el Programa Mundial de Alimentos", "el PMA", "PMA",
     "World Food Programme", "WFP"),
    ("la Unión Africana", "la UA", "UA", "African Union", "AU"),
    ("el Comité Internacional de la Cruz Roja", "el CICR", "CICR",
     "International Committee of the Red Cross", "ICRC"),
    ("la Organización de Estados Americanos", "la OEA", "OEA",
     "Organization of American States", "OAS"),
    ("la Unión Europea", "la UE", "UE", "European Union", "EU"),
    ("la Organización Internacional para las Migraciones", "la OIM", "OIM",
     "International Organization for Migration", "IOM"),
    ("la Organización Mundial del Comercio", "la OMC", "OMC",
     "World Trade Organization", "WTO"),
]

COMPANIES = [
    "Navalia Group", "Petrosur", "Andes Minerals", "Helix Energy",
    "Nordvik Shipping", "Zenit Telecom", "Corvan Aerospace", "Iberia Rail Works",
    "Solaris Hidrógeno", "Tessaro Motors", "Kalmar Steel", "Aurum Pharma",
    "Orinoco Logistics", "Baltic Grain", "Meridian Defence Systems",
]

AGENCIES = ["ANE", "PRN", "INA", "NTA", "AGN", "SNA", "RNA", "CNP", "TNA",
            "KPA"]

PARTIES_ES = [
    "Partido de la Unidad Nacional", "Partido Socialista Popular",
    "Partido del Progreso", "Partido Republicano Cívico",
    "Partido de la Renovación Democrática", "Partido de los Trabajadores",
]
PARTIES_EN = [
    "National Unity Party", "Popular Socialist Party", "Progress Party",
    "Civic Republican Party", "Democratic Renewal Party", "Workers' Party",
]
COMMISSIONS_ES = ["Militar Central", "de Defensa", "de Seguridad Nacional",
                  "Política", "de Asuntos Exteriores"]
COMMISSIONS_EN = ["Central Military", "Defence", "National Security",
                  "Political", "Foreign Affairs"]

# (es: "Tratado de ...", en: "... Treaty")
AGREEMENT_TOPICS = [
    ("Asistencia Mutua", "Mutual Assistance"),
    ("Cooperación Energética", "Energy Cooperation"),
    ("Libre Comercio", "Free Trade"),
    ("Seguridad Marítima", "Maritime Security"),
    ("Pesca Sostenible", "Sustainable Fishing"),
    ("Asociación Estratégica", "Strategic Partnership"),
    ("Movilidad Laboral", "Labour Mobility"),
    ("Gestión del Agua", "Water Management"),
]
AGREEMENT_KINDS = [("Tratado", "Treaty"), ("Acuerdo", "Agreement"),
                   ("Pacto", "Pact")]

MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
             "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]
WEEKDAYS_ES = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado",
               "domingo"]
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
               "Saturday", "Sunday"]

QUOTES_ES = [
    "No vamos a permitir que nadie decida por nosotros",
    "Este acuerdo protege a nuestras familias y a nuestras empresas",
    "La paz no se firma una vez, se cuida todos los días",
    "Hemos cumplido nuestra palabra con un aliado que nos necesitaba",
    "Nuestras tropas volverán a casa cuando la misión haya terminado",
    "Ningún país puede resolver solo un problema de todo el continente",
    "Las sanciones castigan a la población y no cambian nada",
    "Queremos relaciones de respeto, no de dependencia",
    "El diálogo sigue abierto, pero nuestra paciencia tiene un límite",
    "Es un día histórico para los dos pueblos",
    "La seguridad de nuestras fronteras no es negociable",
    "Las cifras demuestran que la economía ha empezado a recuperarse",
    "Pedimos a la comunidad internacional que no mire hacia otro lado",
    "Nadie debería usar el hambre como arma",
    "Trabajaremos con cualquier Gobierno que respete el derecho internacional",
]
QUOTES_EN = [
    "We will not allow anyone to decide for us",
    "This agreement protects our families and our businesses",
    "Peace is not signed once, it has to be looked after every day",
    "We kept our word to an ally who needed us",
    "Our troops will come home once the mission is over",
    "No country can solve on its own a problem shared by a whole continent",
    "Sanctions punish ordinary people and change nothing",
    "We want relations built on respect, not on dependence",
    "The door to dialogue is open, but our patience has limits",
    "This is a historic day for both our peoples",
    "The security of our borders is not up for negotiation",
    "The figures show that the economy has started to recover",
    "We ask the international community not to look away",
    "Nobody should use hunger as a weapon",
    "We will work with any government that respects international law",
]

# ---------------------------------------------------------------------------
# Templates.  Slots (both languages unless noted):
#   c1 c2 c3          country names          cap1 cap2 cap3   capitals
#   c1ms c1fs c1mp c1fp (es) demonyms          c1adj c2adj c3adj (en)
#   p1 p2 p3          leader, foreign leader, minister (full names)
#   p1s p2s p3s       surnames                p1r p2r p3r      roles
#   p1El p1el ...     (es) article for role   p1R p2R p3R      (en) Title Case
#   p1his p1him       (en) pronouns
#   p4 p4s            spokesperson of c1's presidency
#   gen gens          general of c1 (always male)
#   px pxs            another man (ambassador, CEO, suspect ...)
#   org Org orgA orgAa orgDe (es)   org orgA (en)
#   comp comp2 agency party com agr agrtopic city city2 reg
#   date my month month2 year year2 day weekday
#   n1 (hundreds/thousands) n2 (small) n3 (bigger than n2) money pct q
# ---------------------------------------------------------------------------

TEMPLATES_ES = [
    "{c1} ha desplegado tropas en {c2} para reforzar la seguridad de la región {c2fs} de {reg}.",
    "{c1} envió más de {n1} soldados a {c2} en {my}, según fuentes militares {c2fp}.",
    "{p1El} {p1r} de {c1}, {p1}, agradeció a {c2} y a su líder, {p2}, el apoyo prestado durante la crisis.",
    "\"{q}\", dijo {p4el} portavoz de la Presidencia {c1fs}, {p4}.",
    "El jefe del Estado Mayor de las Fuerzas Armadas de {c1}, el general {gen}, informó a {p1s} de que la operación había concluido.",
    "La agencia estatal {c1fs} {agency} citó a la Comisión {com} del {party}, que calificó el despliegue de éxito.",
    "El tratado de {agrtopic} fue firmado en {cap1} en {my} por los ministros de ambos países.",
    "Según {org}, más de {n1} personas han abandonado sus hogares desde {month}.",
    "{cap2} acusó a {cap1} de violar el acuerdo firmado en {year}.",
    "{p2s} se reunió con {p1s} en {city} para hablar de cooperación energética.",
    "{p1El} {p1r} de {c1}, {p1}, visitó {city} el {date} acompañado de {n2} empresarios.",
    "La empresa {comp} comprará {n2} buques a {comp2} por {money} millones de euros.",
    "{Org} ({orgA}) anunció este {day} una ayuda de {money} millones de dólares para {c2}.",
    "{p2}, {p2r} de {c2}, criticó la decisión y pidió una reunión urgente del Consejo de Seguridad.",
    "Las autoridades {c2fp} detuvieron a {n2} personas acusadas de espionaje, según informó la Fiscalía.",
    "El {agr} entrará en vigor el {date}, cuando lo hayan ratificado al menos {n2} parlamentos.",
    "\"{q}\", señaló {p1s} en un mensaje difundido por la Presidencia {c1fs}.",
    "La economía {c1fs} creció un {pct} % en el último trimestre, según el banco central.",
    "{p3El} {p3r} de {c1}, {p3}, firmó con {p2} un acuerdo de cooperación militar.",
    "{c1} y {c2} firmaron en {city} el {agr}, que prevé inversiones de {money} millones de euros.",
    "Fuentes diplomáticas {c2fp} aseguraron que la reunión terminó sin acuerdo.",
    "El Ministerio de Defensa {c1ms} confirmó que {n2} militares resultaron heridos durante las maniobras.",
    "El portavoz del Ministerio de Exteriores de {c2}, {px}, dijo que su país no aceptará presiones.",
    "{p1s} anunció que {c1} enviará {n1} toneladas de trigo a {c3} antes de {month}.",
    "{Org} calcula que {n1} personas necesitan ayuda humanitaria en la región {c2fs} de {reg}.",
    "La reunión entre {p1s} y {p2s} duró más de {n2} horas, según la agencia {agency}.",
    "{p2El} {p2r} de {c2} acusó a {c1} de financiar a grupos armados en la frontera.",
    "En {my}, {c1} y {c3} ya habían firmado un memorando de entendimiento sobre seguridad energética.",
    "El Gobierno de {c2} rechazó las acusaciones y calificó de \"propaganda\" el informe {orgDe}.",
    "{comp} invertirá {money} millones de euros en una planta de hidrógeno en {city}, según su consejero delegado, {px}.",
    "{p1s} llegó a {city} el {date} para una visita oficial de {n2} días.",
    "Los ministros de Exteriores de {c1} y {c2} se reunieron en {cap3} para preparar la cumbre.",
    "La policía {c2fs} detuvo a {px}, exdirector de {comp}, por presunta corrupción.",
    "Según datos {orgDe}, las exportaciones {c1fp} cayeron un {pct} % en {year}.",
    "{p3s} criticó a {p2s} por no haber cumplido los compromisos del {agr}.",
    "El Parlamento de {c2} aprobó el {agr} con {n3} votos a favor y {n2} en contra.",
    "\"{q}\", afirmó {p2s} durante una rueda de prensa en {cap2}.",
    "{c3} se ofreció como mediador entre {c1} y {c2}, según fuentes diplomáticas {c3fp}.",
    "El general {gens} aseguró que las tropas {c1fp} no abandonarán {reg} hasta que la situación se estabilice.",
    "Miles de personas se manifestaron en {cap2} contra la presencia de tropas {c1fp}.",
    "{Org} advirtió de que el conflicto podría provocar una crisis alimentaria en {c3}.",
    "{c1} compró a {c2} {n2} aviones de combate por {money} millones de dólares en {year}.",
    "El embajador de {c1} en {c2}, {px}, fue convocado por el Ministerio de Exteriores {c2ms}.",
    "La visita de {p1s} a {cap2} se produce tres meses después de la firma del {agr}.",
    "{p2s} agradeció a {p1s} su apoyo y le invitó a visitar {cap2} en {month}.",
    "La Comisión Europea anunció sanciones contra {n2} empresas {c1fp} acusadas de eludir el embargo.",
    "El portavoz {orgDe}, {px}, dijo que la organización enviará observadores a {reg}.",
    "Las fuerzas {c2fp} recuperaron el control de {reg} en {my}, según el Ministerio de Defensa.",
    "{p1s} y {p2s} firmaron un comunicado conjunto en el que se comprometen a reducir las tensiones.",
    "El acuerdo incluye la entrega de {n1} dosis de vacunas y {n2} ambulancias a {c3}.",
    "La oposición {c1fs} acusó al Gobierno de ocultar el coste real de la operación, que estima en {money} millones de euros.",
    "{comp} anunció este {day} que despedirá a {n1} trabajadores en {c2} por la caída de las ventas.",
    "El ministro de Economía de {c3}, {px}, dijo que la inflación bajará del {pct} % antes de {year2}.",
    "{reg} fue escenario de intensos combates entre {month} y {month2}, según {orgAa}.",
    "Un tribunal de {cap1} condenó a {n2} años de prisión a {px} por colaborar con una potencia extranjera.",
    "La agencia {agency} informó de que {p1s} recibió a {p2} en {cap1} el {date}.",
    "\"{q}\", escribió {p3s} en las redes sociales tras reunirse con {p2s}.",
    "La ayuda de {c1} llegó a {city} en un convoy de {n2} camiones, según la Cruz Roja.",
    "{p1El} {p1r} de {c1}, {p1}, y {p2el} {p2r} de {c2}, {p2}, se reunieron el {date} en {city}.",
    "El Banco Mundial prevé que la economía de {c2} crezca un {pct} % en {year2}.",
    "{p3s} visitó a las tropas {c1fp} desplegadas en {reg} y les agradeció su trabajo.",
    "{p3El} {p3r} de {c1}, {p3}, dijo a los periodistas que las negociaciones con {c2} se reanudarán en {month}.",
]

TEMPLATES_EN = [
    "{c1} has deployed troops to {c2} to secure the {reg} region, officials said.",
    "{c1} sent more than {n1} soldiers to {c2} in {my}, according to {c2adj} military sources.",
    "{c1adj} {p1R} {p1} thanked {c2} and its leader, {p2}, for their support during the crisis.",
    "\"{q},\" said {p4}, the spokesperson of the {c1adj} presidency.",
    "The chief of the general staff of {c1}'s armed forces, General {gen}, told {p1s} that the operation was over.",
    "The state news agency {agency} quoted the {com} Commission of the {party} as calling the deployment a success.",
    "The treaty on {agrtopic} was signed in {cap1} in {my} by the ministers of both countries.",
    "According to the {org}, more than {n1} people have fled their homes since {month}.",
    "{cap2} accused {cap1} of breaking the agreement signed in {year}.",
    "{p2s} met {p1s} in {city} to discuss energy cooperation.",
    "{c1adj} {p1R} {p1} visited {city} on {date} with a delegation of {n2} business leaders.",
    "{comp} will buy {n2} ships from {comp2} for {money} million euros.",
    "The {org} ({orgA}) announced on {weekday} an aid package of {money} million dollars for {c2}.",
    "{p2}, the {p2r} of {c2}, criticised the decision and called for an urgent meeting of the Security Council.",
    "{c2adj} authorities arrested {n2} people accused of spying, prosecutors said.",
    "The {agr} will enter into force on {date} once at least {n2} parliaments have ratified it.",
    "\"{q},\" {p1s} said in a statement released by the {c1adj} presidency.",
    "The {c1adj} economy grew by {pct}% in the last quarter, according to the central bank.",
    "{c1}'s {p3r}, {p3}, signed a military cooperation agreement with {p2}.",
    "{c1} and {c2} signed the {agr} in {city}, which foresees investments of {money} million euros.",
    "{c2adj} diplomatic sources said the meeting ended without an agreement.",
    "The {c1adj} defence ministry confirmed that {n2} soldiers were injured during the exercises.",
    "{px}, the spokesman of the {c2adj} foreign ministry, said the country would not bow to pressure.",
    "{p1s} announced that {c1} would send {n1} tonnes of wheat to {c3} before {month}.",
    "The {org} estimates that {n1} people need humanitarian aid in {c2}'s {reg} region.",
    "The meeting between {p1s} and {p2s} lasted more than {n2} hours, the {agency} agency reported.",
    "{c2}'s {p2r} accused {c1} of funding armed groups along the border.",
    "In {my}, {c1} and {c3} had already signed a memorandum of understanding on energy security.",
    "The government of {c2} rejected the accusations and called the {orgA} report \"propaganda\".",
    "{comp} will invest {money} million euros in a hydrogen plant in {city}, its chief executive, {px}, said.",
    "{p1s} arrived in {city} on {date} for an official visit of {n2} days.",
    "The foreign ministers of {c1} and {c2} met in {cap3} to prepare the summit.",
    "{px}, a former director of {comp}, was arrested by {c2adj} police on suspicion of corruption.",
    "According to {orgA} data, {c1adj} exports fell by {pct}% in {year}.",
    "{p3s} criticised {p2s} for failing to honour the commitments of the {agr}.",
    "The parliament of {c2} approved the {agr} by {n3} votes to {n2}.",
    "\"{q},\" {p2s} told a news conference in {cap2}.",
    "{c3} offered to mediate between {c1} and {c2}, {c3adj} officials said.",
    "General {gens} said {c1adj} troops would not leave {reg} until the situation was stable.",
    "Thousands of people protested in {cap2} against the presence of {c1adj} troops.",
    "The {org} warned that the conflict could cause a food crisis in {c3}.",
    "{c1} bought {n2} fighter jets from {c2} for {money} million dollars in {year}.",
    "{c1}'s ambassador to {c2}, {px}, was summoned by the {c2adj} foreign ministry.",
    "{p1s}'s visit to {cap2} comes three months after the signing of the {agr}.",
    "{p2s} thanked {p1s} for {p1his} support and invited {p1him} to visit {cap2} in {month}.",
    "The European Commission announced sanctions on {n2} {c1adj} companies accused of evading the embargo.",
    "{px}, the spokesman of the {org}, said the organisation would send observers to {reg}.",
    "{c2adj} forces regained control of {reg} in {my}, the defence ministry said.",
    "{p1s} and {p2s} signed a joint statement committing both countries to reduce tensions.",
    "The agreement includes the delivery of {n1} vaccine doses and {n2} ambulances to {c3}.",
    "The {c1adj} opposition accused the government of hiding the real cost of the operation, which it puts at {money} million euros.",
    "{comp} announced on {weekday} that it would cut {n1} jobs in {c2} because of falling sales.",
    "{c3}'s finance minister, {px}, said inflation would fall below {pct}% before {year2}.",
    "{reg} saw heavy fighting between {month} and {month2}, according to the {org}.",
    "A court in {cap1} sentenced {px} to {n2} years in prison for working for a foreign power.",
    "{p1s} received {p2} in {cap1} on {date}, the {agency} agency reported.",
    "\"{q},\" {p3s} wrote on social media after meeting {p2s}.",
    "Aid from {c1} reached {city} in a convoy of {n2} trucks, according to the Red Cross.",
    "{c1adj} {p1R} {p1} and {c2adj} {p2R} {p2} met in {city} on {date}.",
    "The World Bank expects {c2}'s economy to grow by {pct}% in {year2}.",
    "{p3s} visited {c1adj} troops deployed in {reg} and thanked them for their work.",
    "{c1}'s {p3r}, {p3}, told reporters that talks with {c2} would resume in {month}.",
]

TITLES_ES = [
    "{c1} despliega tropas en {c2} tras la visita de {p1s}",
    "{p1s} y {p2s} firman el {agr} en {city}",
    "{Org} alerta de una crisis humanitaria en {reg}",
    "{c2} acusa a {c1} de violar el acuerdo de {year}",
    "{p1s} agradece a {c2} su apoyo durante la crisis",
    "La economía {c1fs} crece un {pct} % en el último trimestre",
    "{comp} invertirá {money} millones en {city}",
    "Tensión entre {cap1} y {cap2} por la región de {reg}",
    "{c3} se ofrece como mediador entre {c1} y {c2}",
    "Miles de personas protestan en {cap2} contra las tropas {c1fp}",
]
TITLES_EN = [
    "{c1} deploys troops to {c2} after {p1s} visit",
    "{p1s} and {p2s} sign {agr} in {city}",
    "{orgA} warns of humanitarian crisis in {reg}",
    "{c2} accuses {c1} of breaking {year} agreement",
    "{p1s} thanks {c2} for support during crisis",
    "{c1adj} economy grows {pct}% in last quarter",
    "{comp} to invest {money} million in {city}",
    "Tension between {cap1} and {cap2} over {reg} region",
    "{c3} offers to mediate between {c1} and {c2}",
    "Thousands protest in {cap2} against {c1adj} troops",
]

# ---------------------------------------------------------------------------


def fmt_int(n, lang):
    s = "{:,}".format(n)
    return s.replace(",", ".") if lang == "es" else s


def fmt_dec(x, lang):
    s = "{:.1f}".format(x)
    return s.replace(".", ",") if lang == "es" else s


def cap_first(s):
    return s[:1].upper() + s[1:]


def make_person(rng, used, gender=None):
    if gender is None:
        gender = rng.choice("mf")
    first = rng.choice(FIRST_M if gender == "m" else FIRST_F)
    while True:
        sur = rng.choice(SURNAMES)
        if sur not in used:
            break
    used.append(sur)
    # Sometimes a second surname, Spanish style.
    if rng.random() < 0.2:
        while True:
            sur2 = rng.choice(SURNAMES)
            if sur2 not in used:
                break
        used.append(sur2)
        return gender, "{} {} {}".format(first, sur, sur2), sur
    return gender, "{} {}".format(first, sur), sur


def article_slots(rng, lang):
    es = lang == "es"
    c = rng.sample(COUNTRIES, 3)
    s = {}
    for i, k in enumerate(c, 1):
        if es:
            s["c%d" % i] = k[0]
            s["c%dms" % i], s["c%dfs" % i] = k[1], k[2]
            s["c%dmp" % i], s["c%dfp" % i] = k[3], k[4]
            s["cap%d" % i] = k[5]
        else:
            s["c%d" % i] = k[6]
            s["c%dadj" % i] = k[7]
            s["cap%d" % i] = k[8]

    used = []
    roles = [rng.choice(LEADER_ROLES), rng.choice(LEADER_ROLES),
             rng.choice(MINISTER_ROLES)]
    for i, role in enumerate(roles, 1):
        g, full, sur = make_person(rng, used)
        s["p%d" % i], s["p%ds" % i] = full, sur
        if es:
            s["p%dr" % i] = role[0] if g == "m" else role[1]
            s["p%del" % i] = "el" if g == "m" else "la"
            s["p%dEl" % i] = "El" if g == "m" else "La"
        else:
            s["p%dr" % i] = role[2]
            s["p%dR" % i] = role[3]
            s["p%dhis" % i] = "his" if g == "m" else "her"
            s["p%dhim" % i] = "him" if g == "m" else "her"
    g, s["p4"], s["p4s"] = make_person(rng, used)
    s["p4el"] = "el" if g == "m" else "la"
    _, s["gen"], s["gens"] = make_person(rng, used, "m")
    _, s["px"], s["pxs"] = make_person(rng, used, "m")

    o = rng.choice(ORGS)
    if es:
        s["org"], s["Org"] = o[0], cap_first(o[0])
        s["orgAa"], s["orgA"] = o[1], o[2]
        s["orgDe"] = ("del " + o[0][3:]) if o[0].startswith("el ") \
            else ("de " + o[0])
    else:
        s["org"], s["orgA"] = o[3], o[4]

    s["comp"], s["comp2"] = rng.sample(COMPANIES, 2)
    s["agency"] = rng.choice(AGENCIES)
    pi = rng.randrange(len(PARTIES_ES))
    s["party"] = PARTIES_ES[pi] if es else PARTIES_EN[pi]
    ci = rng.randrange(len(COMMISSIONS_ES))
    s["com"] = COMMISSIONS_ES[ci] if es else COMMISSIONS_EN[ci]

    city, city2 = rng.sample(CITIES, 2)
    s["city"] = city.split("|")[0 if es else 1]
    s["city2"] = city2.split("|")[0 if es else 1]
    s["reg"] = rng.choice(REGIONS)

    topic = rng.choice(AGREEMENT_TOPICS)
    kind = rng.choice(AGREEMENT_KINDS)
    agr_city = rng.choice([s["cap1"], s["cap2"], s["city"]])
    if es:
        s["agr"] = "{} de {} de {}".format(kind[0], topic[0], agr_city)
        s["agrtopic"] = topic[0].lower()
    else:
        s["agr"] = "{} {} {}".format(agr_city, topic[1], kind[1])
        s["agrtopic"] = topic[1].lower()

    year = rng.randint(2019, 2025)
    s["year"], s["year2"] = str(year), str(year + 1)
    m = rng.randrange(12)
    m2 = (m + rng.randint(1, 5)) % 12
    day = rng.randint(1, 28)
    if es:
        s["month"], s["month2"] = MONTHS_ES[m], MONTHS_ES[m2]
        s["date"] = "{} de {}".format(day, MONTHS_ES[m])
        s["my"] = "{} de {}".format(MONTHS_ES[m], year)
        s["day"] = rng.choice(WEEKDAYS_ES)
    else:
        s["month"], s["month2"] = MONTHS_EN[m], MONTHS_EN[m2]
        s["date"] = "{} {}".format(MONTHS_EN[m], day)
        s["my"] = "{} {}".format(MONTHS_EN[m], year)
        s["weekday"] = rng.choice(WEEKDAYS_EN)
    return s


def fill_numbers(rng, s, lang):
    """Numbers and quote change from sentence to sentence."""
    s["n1"] = fmt_int(rng.choice([rng.randint(120, 999),
                                  rng.randint(1, 99) * 100,
                                  rng.randint(1, 60) * 1000]), lang)
    n2 = rng.randint(2, 90)
    s["n2"] = str(n2)
    s["n3"] = str(n2 + rng.randint(5, 150))
    s["money"] = fmt_int(rng.choice([rng.randint(5, 95) * 10,
                                     rng.randint(1, 40) * 100]), lang)
    s["pct"] = fmt_dec(rng.randint(1, 99) / 10.0, lang)
    s["q"] = rng.choice(QUOTES_ES if lang == "es" else QUOTES_EN)


def make_article(rng, lang):
    s = article_slots(rng, lang)
    templates = TEMPLATES_ES if lang == "es" else TEMPLATES_EN
    titles = TITLES_ES if lang == "es" else TITLES_EN
    fill_numbers(rng, s, lang)
    title = rng.choice(titles).format(**s)
    n_par = rng.randint(4, 8)
    sizes = [rng.randint(2, 5) for _ in range(n_par)]
    chosen = rng.sample(templates, sum(sizes))
    paras, k = [], 0
    for size in sizes:
        sents = []
        for t in chosen[k:k + size]:
            fill_numbers(rng, s, lang)
            sents.append(t.format(**s))
        k += size
        paras.append(" ".join(sents))
    return title + "\n\n" + "\n\n".join(paras) + "\n"


def main(argv):
    ap = argparse.ArgumentParser(
        description="Generate a deterministic synthetic news corpus "
                    "(~70%% Spanish, ~30%% English) for newsgraph benchmarks.")
    ap.add_argument("outdir", help="output directory (created if missing)")
    ap.add_argument("--articles", type=int, default=4000, metavar="N",
                    help="number of articles (default 4000)")
    args = ap.parse_args(argv)
    if args.articles < 1:
        ap.error("--articles must be at least 1")

    os.makedirs(args.outdir, exist_ok=True)
    rng = random.Random(SEED)
    total = 0
    counts = {"es": 0, "en": 0}
    for i in range(1, args.articles + 1):
        lang = "es" if rng.random() < 0.7 else "en"
        data = make_article(rng, lang).encode("utf-8")
        path = os.path.join(args.outdir, "{:05d}-{}.txt".format(i, lang))
        with open(path, "wb") as f:
            f.write(data)
        total += len(data)
        counts[lang] += 1
    print("files: {} (es {}, en {})".format(args.articles, counts["es"],
                                            counts["en"]))
    print("bytes: {}".format(total))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
