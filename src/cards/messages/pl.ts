import type { DenialReason } from '../../recovery/release-policy.js';
import type { Messages } from '../messages.js';

function plural(count: number, one: string, few: string, many: string): string {
  if (count === 1) return one;
  const lastDigit = count % 10;
  const lastTwo = count % 100;
  return lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14) ? few : many;
}

const minutesAccusative = (count: number) => `${count} ${plural(count, 'minutę', 'minuty', 'minut')}`;

const przez = (by: string | undefined, fallback: string) =>
  by === undefined ? `przez ${fallback}` : `przez: ${by}`;

const helpdeskDenials: { readonly [reason in DenialReason]: string } = {
  noMatch:
    'żaden komputer zgłaszającego nie ma klucza o tym ID klucza. Sprawdź razem z tą osobą ID klucza na jej ekranie.',
  notAllowedByTenant:
    'Entra ID nie pozwala na odczyt kluczy BitLocker przy tym logowaniu. Może to zrobić agent z rolą, która pozwala odczytywać klucze (np. Helpdesk Administrator).',
  notInSelfServiceGroup: 'zgłaszający nie ma uprawnień do otrzymywania kluczy.',
  rateLimited:
    'ta osoba otrzymała zbyt wiele kluczy w ciągu ostatnich 24 godzin. Sprawdź komputer osobiście.',
  deviceRateLimited:
    'dla tego komputera wydano zbyt wiele kluczy w ciągu ostatnich 24 godzin. Sprawdź go osobiście.',
  riskStop: 'zgłoszenie zostało zatrzymane jako ryzykowne.',
  deviceDisabled: 'komputer jest wyłączony w Entra ID. Zanim go odblokujesz, sprawdź dlaczego.',
  repeatRecovery:
    'ten komputer odblokowano kluczem niecałą godzinę temu. Coś ciągle go blokuje: sprawdź go osobiście.',
  directoryUnavailable: 'Microsoft Graph nie odpowiada. Spróbuj ponownie za kilka minut.',
  alreadyReleased: 'ten klucz został już wydany w tym zgłoszeniu.',
};

/**
 * Polish. Informal "ty" as in Windows and Teams, with Ty/Ci/Twój capitalized; no gendered past tense for
 * the bot, the person or the agent, whose gender is unknown.
 */
export const pl: Messages = {
  welcomeTitle: 'Odzyskiwanie funkcji BitLocker',
  welcomeBody:
    'Niebieski ekran BitLocker blokuje dostęp do komputera? Pomogę Ci znaleźć właściwy klucz odzyskiwania do komputera służbowego albo poproszę o pomoc dział IT.',
  neverAskForPassword: 'Nigdy nie poproszę Cię o hasło ani o kod MFA.',
  welcomeKeyIdLabel: 'ID klucza z niebieskiego ekranu',
  send: 'Wyślij',
  welcomeOrTellMe: 'Możesz też po prostu napisać własnymi słowami, co się dzieje.',
  greetAgain:
    'Witaj ponownie! Jeśli komputer pokazuje ekran BitLocker, wpisz widoczne na nim ID klucza (np. 4290B6C0) albo napisz, co się dzieje.',
  acknowledged: 'OK. Gdy zechcesz, wpisz ID klucza z niebieskiego ekranu albo napisz, co się dzieje.',
  startRecovery: 'Mój komputer pokazuje ekran BitLocker',
  startWhereKeyId: 'Gdzie znajdę ID klucza?',
  startTalkToIt: 'Kontakt z IT',
  startOver: 'Zacznij od nowa',

  helpTitle: 'Co potrafię',
  helpIntro: 'Po prostu napisz własnymi słowami. Te polecenia też działają w każdej chwili:',
  helpCommands: [
    { command: 'pomoc', description: 'pokaż tę listę' },
    { command: 'od nowa', description: 'zacznij od początku' },
    { command: 'anuluj', description: 'zatrzymaj bieżące zgłoszenie' },
    { command: 'status', description: 'zobacz swoje otwarte zgłoszenie' },
    { command: 'kontakt z IT', description: 'poproś helpdesk o pomoc' },
  ],

  keyIdHelpTitle: 'Jak znaleźć ID klucza',
  keyIdHelpSteps: [
    'Spójrz na niebieski ekran „Odzyskiwanie funkcji BitLocker” na zablokowanym komputerze.',
    'W dolnej części ekranu znajdź „Identyfikator klucza odzyskiwania” (na starszych ekranach: „Identyfikator klucza”). Zaraz po nim są litery i cyfry.',
    'Wpisz pierwszych 8 znaków poniżej albo na czacie, np. 4290B6C0. Możesz wpisać więcej.',
  ],
  keyIdHelpNotes: [
    'Windows 11 może też pokazywać wskazówkę dotyczącą konta Microsoft. Wtedy klucz jest prawdopodobnie zapisany na tym prywatnym koncie.',
    'Po naciśnięciu klawisza Alt pojawi się kod błędu, np. E_FVE_DEVICE_LOCKEDOUT. Warto go zanotować, ale nie jest konieczny.',
  ],

  keyIdLabel: 'ID klucza',
  requestNumberLabel: 'Numer zgłoszenia',
  askKeyIdTitle: 'Jakie jest ID klucza?',
  askKeyIdWhere:
    'Znajdziesz je w dolnej części niebieskiego ekranu, po słowach „Identyfikator klucza odzyskiwania”. Wystarczy pierwszych 8 znaków.',
  askKeyIdOrType: 'Możesz też po prostu wpisać je na czacie.',
  notedTitle: 'Co już wiem',
  keyIdPlaceholder: 'np. 4290B6C0',
  keyIdRequired: 'Wpisz ID klucza z niebieskiego ekranu.',
  whereIsIt: 'Gdzie je znaleźć?',

  keyIdTooShort: (digits) =>
    `Widzę ${digits} ${plural(digits, 'znak', 'znaki', 'znaków')}. ID klucza musi mieć co najmniej 8: wpisz pierwszych 8 znaków z niebieskiego ekranu.`,
  notAKeyId:
    'To nie wygląda na ID klucza. ID klucza zawiera tylko znaki 0-9 i A-F, np. 4290B6C0, i jest na niebieskim ekranie po słowach „Identyfikator klucza odzyskiwania”.',
  twoKeyIds: 'Widzę tu więcej niż jedno ID klucza. Wyślij tylko to ze swojego niebieskiego ekranu.',
  passwordPastedTitle: 'Zachowaj to dla siebie',
  passwordPastedLines: [
    'To wyglądało na klucz odzyskiwania (48 cyfr).',
    'Nigdy nie wklejaj go na żaden czat, ani tutaj, ani nigdzie indziej. Nie został zapisany.',
    'Jeśli to pomyłka, usuń tę wiadomość.',
    'Potrzebuję tylko ID klucza: krótkiego kodu po słowach „Identyfikator klucza odzyskiwania” na niebieskim ekranie.',
  ],

  confirmKeyIdQuestion: (keyId) => `Czy chodzi o ${keyId}?`,
  confirmKeyIdCorrections: (corrections) =>
    `Przyjmuję ${corrections.join(', ')}, bo ID klucza zawiera tylko znaki 0-9 i A-F.`,
  confirmKeyIdYes: 'Tak',
  confirmKeyIdNo: 'Nie, wpiszę ponownie',

  answersTitle: 'Co się stało tuż przed pojawieniem się niebieskiego ekranu?',
  rootCauseButtons: {
    firmwareUpdate: 'Aktualizacja BIOS lub firmware',
    windowsUpdate: 'Aktualizacja Windows',
    hardwareChange: 'Naprawa lub nowy sprzęt',
    dockOrPeripheral: 'Nowa stacja dokująca, monitor lub urządzenie USB',
    wrongPin: 'Błędny PIN zbyt wiele razy',
    nothingUnusual: 'Nic nietypowego',
    outOfMyHands: 'Zgubiony, skradziony lub w obcych rękach',
  },
  assumedWorkPc: 'Zakładam, że to Twój komputer służbowy.',
  notWorkPc: 'To nie komputer służbowy?',
  deviceKindButtons: {
    personalPc: 'Mój prywatny komputer',
    secondHand: 'Komputer używany',
    oldDomainPc: 'Starszy komputer w domenie firmy',
  },
  errorCodeHint:
    'Na ekranie jest kod błędu (naciśnij Alt), np. E_FVE_DEVICE_LOCKEDOUT? Jeśli chcesz, wpisz go tutaj.',
  rootCauseChoices: {
    firmwareUpdate: 'Aktualizacja BIOS lub firmware',
    windowsUpdate: 'Aktualizacja Windows',
    hardwareChange: 'Naprawa lub nowy sprzęt',
    dockOrPeripheral: 'Nowa stacja dokująca, monitor lub urządzenie USB',
    wrongPin: 'Błędny PIN wpisany zbyt wiele razy',
    nothingUnusual: 'Nic nietypowego',
    outOfMyHands:
      'Komputer był w obcych rękach, ktoś mógł przy nim majstrować albo komputer zginął lub został skradziony',
  },
  deviceKindChoices: {
    workPc: 'Mój komputer służbowy',
    personalPc: 'Mój prywatny komputer',
    secondHand: 'Komputer używany',
    oldDomainPc: 'Starszy komputer przyłączony do domeny firmy',
    notSure: 'Nie wiem',
  },
  whyDidThisHappen: 'Dlaczego tak się stało?',

  verifyTitle: 'Dziękuję, to wszystko, czego potrzebuję',
  verifyAgainTitle: 'Prawie gotowe: potwierdź, że to Ty',
  rootCauseFact: 'Co się stało',
  deviceKindFact: 'Komputer',
  errorCodeFact: 'Kod błędu',
  verifyNext: 'Teraz szybkie logowanie Microsoft potwierdzi, że to Ty. Nigdy nie poproszę Cię tutaj o hasło.',
  verifyButton: 'Potwierdź, że to Ty',
  verifyNotSwitchedOn:
    'Samoobsługowe logowanie nie jest tu jeszcze włączone, więc w tej sprawie pomoże Ci ktoś z IT.',

  guides: {
    personalAccount: {
      title: 'Klucz jest prawdopodobnie na koncie Microsoft',
      intro:
        'Prywatne komputery zwykle zapisują klucz na koncie Microsoft, którego użyto przy ich konfiguracji. Na telefonie lub innym urządzeniu:',
      points: [
        'Otwórz aka.ms/myrecoverykey.',
        'Zaloguj się na konto Microsoft używane na zablokowanym komputerze. Nowsze niebieskie ekrany podpowiadają, które to konto.',
        'Znajdź klucz z takim samym ID klucza jak na Twoim ekranie.',
        'Wpisz jego 48 cyfr na zablokowanym komputerze.',
      ],
      closing: [
        'Nie ma go tam? Sprawdź swoje inne konta Microsoft, a na komputerze współdzielonym także konta członków rodziny.',
        'Zachowaj klucz dla siebie: nigdy nie wklejaj go na czat.',
      ],
    },
    secondHand: {
      title: 'Komputer używany',
      intro:
        'Klucz odzyskiwania tego komputera może mieć tylko osoba, która włączyła funkcję BitLocker: poprzedni właściciel lub sprzedawca.',
      points: [
        'Poproś tę osobę, aby sprawdziła klucz na aka.ms/myrecoverykey, korzystając z ID klucza z Twojego ekranu.',
        'Nie płać internetowym usługom „odzyskiwania”: bez klucza nikt nie odblokuje danych.',
        'Komputer pochodzi od IT, np. to dawny komputer kogoś z zespołu? Wtedy to komputer służbowy: naciśnij „Zacznij od nowa”, a znajdę jego klucz.',
      ],
      closing: [
        'Jeśli klucza nie da się znaleźć, komputer można zresetować i używać dalej, ale pliki na nim zostaną usunięte.',
      ],
    },
    noKeyAnywhere: {
      title: 'Brak kopii klucza?',
      intro:
        'Do komputera służbowego nie potrzebujesz własnej kopii: IT przechowuje jego klucz, a ja mogę go dla Ciebie znaleźć. W przypadku prywatnego komputera sprawdź:',
      points: [
        'Wydruki: segregatory, szuflady, pudełko po komputerze.',
        'Pamięć USB (pendrive).',
        'Plik o nazwie w rodzaju „Klucz odzyskiwania funkcji BitLocker” lub „BitLocker Recovery Key” z ID klucza, z rozszerzeniem .txt, na innym komputerze, dysku lub w chmurze.',
        'E-maile wysłane do siebie.',
        'Menedżer haseł.',
        'Konto Microsoft używane na tym komputerze: aka.ms/myrecoverykey.',
      ],
      closing: [
        'Szczerze mówiąc: utraconego klucza odzyskiwania nie da się odtworzyć. Nie zrobi tego ani IT, ani Microsoft.',
        'Jeśli nie znajdziesz żadnej kopii, ostatecznym rozwiązaniem jest zresetowanie komputera. Potem znów działa, ale pliki na nim zostaną usunięte. Pliki w OneDrive lub w innej kopii zapasowej pozostaną tam bezpieczne.',
      ],
    },
    whyThisHappened: {
      title: 'Dlaczego BitLocker prosi o klucz',
      intro:
        'BitLocker chroni Twoje pliki. Gdy zmienia się coś w sposobie uruchamiania komputera, prosi o klucz, aby mieć pewność, że komputer jest nadal we właściwych rękach. Najczęstsze przyczyny:',
      points: [
        'Aktualizacja BIOS lub firmware albo zmiana ustawienia Secure Boot.',
        'Naprawa lub nowy sprzęt, np. nowa płyta główna lub układ zabezpieczeń (TPM).',
        'Duża aktualizacja Windows lub ponowna instalacja systemu.',
        'Błędny PIN wpisany zbyt wiele razy.',
        'Stacja dokująca lub urządzenie USB podłączone przy uruchamianiu, które zmienia sposób rozruchu komputera.',
        'Od czasu do czasu: ktoś próbuje dostać się do komputera.',
      ],
      closing: ['To nie Twoja wina. Z właściwym kluczem komputer uruchomi się jak zwykle.'],
    },
    ownCopy: {
      title: 'Jak użyć własnej kopii',
      intro: 'Świetnie: własna kopia działa tak samo dobrze, jeśli to ta właściwa.',
      points: [
        'Sprawdź, czy dołączone do niej ID klucza zaczyna się tak samo jak to na niebieskim ekranie.',
        'Wpisz 48 cyfr klawiszami cyfr w górnym rzędzie klawiatury. Jeśli nie działają, klawisze F1–F10 oznaczają 1–0.',
        'Błędnie wpisany blok 6 cyfr zostanie oznaczony: wpisz ponownie tylko ten blok.',
      ],
      closing: [
        'Inne ID klucza albo klucz nie został przyjęty? Do komputera służbowego znajdę właściwy klucz: naciśnij „Znajdź mój klucz”.',
        'Potem przechowuj kopię z dala od komputera i nigdy nie wklejaj jej na czat.',
      ],
    },
    keyRejected: {
      title: 'Jeśli klucz nie zostaje przyjęty',
      intro: 'Sprawdź po kolei:',
      points: [
        'ID klucza na niebieskim ekranie musi zaczynać się tak samo jak ID klucza, który wpisujesz. Jeśli tak nie jest, to inny klucz.',
        'Wpisuj klawiszami cyfr w górnym rzędzie klawiatury. Jeśli nic się nie pojawia, klawisze F1–F10 oznaczają 1–0.',
        'Blok, który zmienia kolor na czerwony, zawiera błędną cyfrę: wpisz ponownie tylko ten blok.',
        'Niektóre komputery mają więcej niż jeden klucz: wypróbuj drugi klucz podany dla tego komputera.',
      ],
      closing: ['Nadal brak dostępu? IT może pomóc: naciśnij „Kontakt z IT”.'],
    },
    prevention: {
      title: 'Jak uniknąć kolejnej blokady',
      intro: 'Kilka nawyków ułatwi sprawę następnym razem:',
      points: [
        'Klucz Twojego komputera służbowego przechowuje IT, a ja jestem w Teams zawsze, gdy go potrzebujesz.',
        'Planujesz aktualizację BIOS lub naprawę? Najpierw daj znać IT: na ten czas można wstrzymać ochronę BitLocker.',
        'W przypadku prywatnego komputera zapisz klucz na koncie Microsoft (aka.ms/myrecoverykey) albo go wydrukuj i przechowuj z dala od komputera.',
        'Trzymaj pliki w OneDrive lub w innej kopii zapasowej, aby utrata klucza nigdy nie oznaczała utraty pracy.',
      ],
      closing: ['Nigdy nie przechowuj klucza na czacie, w e-mailu ani na zdjęciu.'],
    },
    security: {
      title: 'Zachowaj klucz dla siebie',
      intro: 'Klucz odzyskiwania odblokowuje wszystko na Twoim komputerze. Dlatego:',
      points: [
        'Nigdy nie podawaj go nikomu, kto do Ciebie dzwoni, pisze e-mail lub wiadomość, nawet jeśli twierdzi, że jest z IT lub z Microsoft. IT nigdy Cię o niego nie prosi.',
        'Nigdy nie dyktuj go przez telefon, nie wysyłaj e-mailem i nie publikuj na czacie, nawet współpracownikowi czy przełożonemu.',
        'Wpisuj go tylko na niebieskim ekranie własnego komputera.',
        'Ktoś prosi Cię o klucz? To sygnał ostrzegawczy: zgłoś to do działu bezpieczeństwa IT.',
      ],
      closing: [
        'Klucz trafił już do kogoś? Od razu powiadom dział bezpieczeństwa IT: klucz zostanie wymieniony.',
      ],
    },
  },
  openMyRecoveryKey: 'Otwórz aka.ms/myrecoverykey',
  cantFindItThere: 'Nie ma go tam',
  findMyKey: 'Znajdź mój klucz',
  reportToSecurity: 'Zgłoś do działu bezpieczeństwa',

  didYouMean: 'Czy chodzi o…?',
  outOfScopeTitle: 'Pomagam tylko w sprawach BitLocker',
  outOfScopeBody:
    'Pomagam, gdy komputer zatrzymuje się na niebieskim ekranie odzyskiwania funkcji BitLocker. W innych sprawach skontaktuj się z IT tak jak zwykle.',
  intentLabels: {
    recoveryScreen: 'Mój komputer pokazuje ekran BitLocker',
    whereKeyId: 'Gdzie znajdę ID klucza?',
    whyHappened: 'Dlaczego tak się stało?',
    personalPc: 'To mój prywatny komputer',
    secondHand: 'To komputer używany',
    ownCopy: 'Mam własną kopię klucza',
    noKeyAnywhere: 'Nigdzie nie mogę znaleźć klucza',
    keyDidNotWork: 'Klucz nie zadziałał',
    itWorked: 'Zadziałało',
    talkToIt: 'Kontakt z IT',
    status: 'Status mojego zgłoszenia',
    cancel: 'Anuluj moje zgłoszenie',
    restart: 'Zacznij od nowa',
    help: 'Co potrafisz?',
    prevention: 'Jak uniknąć tego następnym razem',
    security: 'Ktoś prosi o mój klucz',
  },
  glad: (keyWasShown) =>
    keyWasShown
      ? 'Świetnie, komputer znów działa. Klucz jest już ukryty na tym czacie.'
      : 'Miło to słyszeć. Jestem tu zawsze, gdy mnie potrzebujesz.',

  riskStopTitle: 'Zadbajmy o bezpieczeństwo',
  riskStopLines: [
    'Komputer mógł być w obcych rękach, więc IT sprawdzi to z Tobą osobiście.',
    'Dla Twojego bezpieczeństwa klucz nie zostanie pokazany na czacie.',
    'Zgłoszenie jest już przekazane do IT. Dział IT otrzyma powiadomienie i skontaktuje się z Tobą. Jeśli komputer zginął lub został skradziony, powiedz o tym wtedy.',
  ],

  caseRequestedTitle: 'Zgłoszenie przekazane do IT',
  caseReasons: {
    requesterAsked: 'Chcesz porozmawiać z kimś z IT, więc przekazuję zgłoszenie.',
    riskStop: 'Komputer mógł być w obcych rękach, więc IT sprawdzi to z Tobą osobiście.',
    onPremisesDevice:
      'Klucz starszego komputera w domenie jest przechowywany na własnych serwerach firmy, więc IT wyszuka go dla Ciebie.',
    notUnderstood: 'Nie udało mi się rozwiązać tego na czacie, więc przekazuję sprawę osobie z IT.',
    notReleasable:
      'Nie mogę stąd wydać klucza dla tego ID klucza. Tak się dzieje, gdy klucz nie należy do komputera zarejestrowanego na Ciebie albo samoobsługa nie jest dla niego dozwolona.',
    rateLimited: 'Osiągnięto dzienny limit kluczy, które mogę pokazać, więc pomoże Ci ktoś z IT.',
    directoryUnavailable:
      'Katalog Microsoft w tej chwili nie odpowiada, więc zamiast kazać Ci czekać, przekazuję sprawę osobie z IT.',
    signInMismatch:
      'Logowanie odbyło się na innym koncie niż to, którego używasz w Teams, więc nie mogę go użyć.',
    keyDidNotWork: 'Klucz nie zadziałał, więc ktoś z IT przyjrzy się temu razem z Tobą.',
    rotationOverdue: 'Pokazany klucz nie został jeszcze wymieniony, więc IT tego dopilnuje.',
    notInSelfServiceGroup:
      'Samodzielne pobieranie kluczy nie jest włączone dla Twojego konta, więc klucz przekaże Ci ktoś z IT.',
    alreadyReleased:
      'Klucz tego komputera został Ci już pokazany, więc nie pokażę go tu ponownie. Jeśli nie zadziałał, pomoże IT.',
    repeatRecovery:
      'Klucz tego komputera został pokazany niecałą godzinę temu, a komputer znów jest zablokowany, więc IT sprawdzi przyczynę.',
    deviceDisabled: 'Ten komputer jest dezaktywowany w katalogu firmy, więc najpierw musi go sprawdzić IT.',
    notAllowedByTenant:
      'Twoja organizacja nie pozwala na samodzielny odczyt kluczy, więc klucz przekaże Ci ktoś z IT.',
    suspiciousContact:
      'Dziękuję za zgłoszenie. IT już o tym wie i ktoś się z Tobą skontaktuje. Do tego czasu zachowaj klucz dla siebie.',
  },
  keyShownAt: (time) => `Klucz został pokazany: ${time}.`,
  caseNext:
    'IT otrzyma powiadomienie z podanymi przez Ciebie informacjami i skontaktuje się z Tobą. Nie musisz niczego powtarzać.',
  caseWithoutKeyId: 'Jeśli możesz, zanotuj ID klucza z niebieskiego ekranu: IT o nie zapyta.',
  caseStatusHint: 'Wpisz „status” w dowolnej chwili, aby zobaczyć swoje zgłoszenie.',

  offerIt: 'Przepraszam, chyba nie do końca rozumiem. Chcesz, żeby pomógł Ci ktoś z IT?',
  cancelled: (hadRequest) =>
    hadRequest
      ? 'OK, zgłoszenie zostało anulowane. Napisz „cześć”, gdy zechcesz zacząć od nowa.'
      : 'Nie było nic do anulowania. Napisz „cześć”, gdy zechcesz zacząć.',

  statusTitle: 'Twoje zgłoszenie',
  statusNowFact: 'Teraz',
  statusLastFact: 'Ostatnie zgłoszenie',
  statusSteps: {
    idle: 'Nic nie jest w toku.',
    awaitingKeyId: 'Czekam na ID klucza.',
    confirmingKeyId: 'Czekam, aż potwierdzisz ID klucza.',
    awaitingAnswers: 'Czekam na informację, co stało się tuż przed blokadą.',
  },
  statusOutcomes: {
    none: 'Jeszcze brak.',
    verification: 'Gotowe do potwierdzenia przez logowanie Microsoft.',
    released: 'Klucz został pokazany na tym czacie.',
    case: 'Przekazane do IT. Dział IT otrzyma powiadomienie i skontaktuje się z Tobą.',
    cancelled: 'Anulowane.',
    guided: (guideTitle) => `Wyświetlono poradnik „${guideTitle}”.`,
  },

  expired: 'Witaj ponownie. Minęła ponad doba, więc zaczynamy od nowa.',
  missLimit:
    'Nie mogę dziś otworzyć tu kolejnego zgłoszenia: te identyfikatory klucza nie pasują do żadnego z Twoich komputerów. Zadzwoń do helpdesku IT lub przyjdź osobiście.',
  staleCard: 'Ten przycisk dotyczy wcześniejszego zgłoszenia. Oto aktualny stan.',
  preventionTips:
    'Wskazówka na przyszłość: IT ma kopię klucza Twojego komputera służbowego, a ja jestem w Teams zawsze, gdy mnie potrzebujesz. W przypadku prywatnego komputera zapisz jego klucz na koncie Microsoft albo go wydrukuj i przechowuj z dala od komputera. Nigdy nie przechowuj klucza na czacie, w e-mailu ani na zdjęciu.',

  release: {
    title: 'Twój klucz odzyskiwania',
    deviceLabel: 'Komputer',
    compareKeyId: 'Najpierw sprawdź, czy ID klucza na niebieskim ekranie zaczyna się tak samo.',
    howToType:
      'Wpisz 8 bloków klawiszami cyfr w górnym rzędzie klawiatury (jeśli nie działają, klawisze F1–F10 oznaczają 1–0). Po każdym bloku ekran przechodzi dalej i oznacza blok, który jest błędny.',
    hidesIn: (minutes) =>
      `Dla Twojego bezpieczeństwa ukryję ten klucz za ${minutesAccusative(minutes)} albo od razu, gdy dasz znać, że zadziałał.`,
    worked: 'Zadziałało',
    didNotWork: 'Nie zadziałało',
    oneBlockAtATime: 'Pokazuj po jednym bloku',
    allBlocks: 'Pokaż wszystkie bloki',
    nextBlock: 'Następny blok',
    previousBlock: 'Poprzedni blok',
    blockOf: (index, count) => `Blok ${index} z ${count}`,
    fallback: 'Twój klucz odzyskiwania jest w tej wiadomości. Otwórz ją w Microsoft Teams, aby go zobaczyć.',
    needMoreDigits: (matches) =>
      `Na Twoich komputerach jest więcej niż jeden klucz, który tak się zaczyna (${matches} ${plural(matches, 'klucz', 'klucze', 'kluczy')}). Wpisz dłuższą część ID klucza, co najmniej pierwszych 12 znaków, a sprawdzę ponownie.`,
    interrupted:
      'Coś mi przerwało, zanim mogłem pokazać Twój klucz, więc nic nie zostało pokazane. Wpisz "restart", aby spróbować ponownie.',
    maybeShown:
      'Coś mi przerwało w trakcie pokazywania Twojego klucza. Jeśli widzisz go powyżej, możesz go użyć: nie mogę go teraz ukryć, a dział IT dopilnuje jego wymiany.',
    troubleshooting:
      'Przykro mi. Sprawdź, czy ID klucza na ekranie zgadza się z tym na mojej karcie i czy każdy blok został przyjęty bez czerwonego oznaczenia. Jeśli nadal się nie udaje, pomoże IT: zgłoszenie jest już przekazane.',
  },
  signIn: {
    mismatch: (name) =>
      `Zalogowano się jako ${name || 'inne konto'}, a nie jako Ty, więc nie mogę użyć tego logowania. Naciśnij ponownie „Potwierdź, że to Ty” i zaloguj się na własne konto służbowe.`,
    failed:
      'Logowanie nie powiodło się lub trwało zbyt długo. Naciśnij ponownie „Potwierdź, że to Ty”, aby otrzymać nowy link.',
    stale:
      'To logowanie dotyczy wcześniejszego zgłoszenia. Jeśli nadal potrzebujesz klucza, wpisz „od nowa”.',
  },
  signInPage: {
    closeThisPage: 'Możesz zamknąć tę stronę.',
    goBack: (button) => `Wróć do Teams i ponownie naciśnij „${button}”.`,
    verified: {
      title: 'Tożsamość potwierdzona',
      body: 'Wróć do Teams: moja odpowiedź jest w czacie albo zaraz się pojawi.',
    },
    mismatch: {
      title: 'Zalogowano się jako ktoś inny',
      body: (name) =>
        `Zalogowano się jako ${name || 'inne konto'}, a nie jako osoba, która pytała w Teams, więc przerwałem i niczego nie pokazałem.`,
      ownAccount: 'Następnie zaloguj się na własne konto służbowe.',
    },
    trouble: { title: 'Coś poszło nie tak po mojej stronie', body: 'Niczego nie pokazano.' },
    failures: {
      stateUnknownOrUsed: {
        title: 'Ten link logowania został już użyty',
        body: 'Każdy link działa tylko raz.',
      },
      stateExpired: { title: 'Ten link logowania wygasł', body: 'Każdy link działa tylko kilka minut.' },
      tokenInvalid: { title: 'Nie udało mi się potwierdzić logowania', body: 'Niczego nie pokazano.' },
      authTooOld: {
        title: 'Logowanie nie było wystarczająco świeże',
        body: 'Potrzebuję logowania z ostatnich kilku minut.',
      },
      missingAuthContext: {
        title: 'Twoja organizacja wymaga silniejszego logowania',
        body: 'Zaloguj się ponownie metodą wymaganą przez organizację (na przykład aplikacją Authenticator lub kluczem zabezpieczeń).',
      },
      entraError: { title: 'Logowanie nie zostało ukończone', body: 'Zostało anulowane lub odrzucone.' },
      wrongTenant: { title: 'To nie było Twoje konto służbowe', body: 'Zaloguj się na konto służbowe.' },
    },
  },
  keyHidden: {
    title: 'Klucz odzyskiwania ukryty',
    body: 'Klucz jest już ukryty na tym czacie. Został pokazany raz, więc IT dopilnuje, aby wymienić go na nowy.',
    askAgain: 'Nadal brak dostępu? Wpisz „od nowa”, a znów Ci pomogę.',
  },

  releaseNotice: {
    subject: (deviceName) => `Wyświetlono klucz odzyskiwania BitLocker dla urządzenia ${deviceName}`,
    lines: ({ requesterName, deviceName, day, time, keyId }) => [
      `Dzień dobry, ${requesterName},`,
      `Klucz odzyskiwania BitLocker dla Twojego urządzenia ${deviceName} został wyświetlony na Twoim czacie z botem odzyskiwania funkcji BitLocker w Microsoft Teams dnia ${day} o godz. ${time} UTC.`,
      `ID klucza: ${keyId}`,
      'Jeśli to Ty, nie musisz nic więcej robić. IT dopilnuje, aby klucz został wymieniony na nowy.',
      'Jeśli to nie Ty, od razu skontaktuj się z helpdeskiem IT lub zespołem bezpieczeństwa, telefonicznie lub osobiście, i powiedz o tej wiadomości.',
      'Ta wiadomość została wysłana automatycznie. Nie zawiera klucza, a IT nigdy nie poprosi Cię o hasło ani o kod logowania.',
    ],
  },

  groupChatRedirect:
    'W odzyskiwaniu funkcji BitLocker pomagam tylko na czacie prywatnym, aby Twoje dane zostały między nami. Aby zacząć, otwórz ze mną czat 1:1.',
  turnError: 'Przepraszam, coś poszło nie tak po mojej stronie. Spróbuj ponownie za chwilę.',
  slowDown:
    'To dużo wiadomości naraz, więc robię krótką przerwę. Odczekaj minutę, a potem wyślij jedną wiadomość z tym, czego potrzebujesz.',

  helpdesk: {
    securityAlert: ({ caseNumber, requesterName, keyId, agentName, note }) =>
      `Podejrzana prośba o klucz odzyskiwania BitLocker: zgłoszenie ${caseNumber} (${requesterName}${keyId ? `, ID klucza ${keyId}` : ''}) zostało odrzucone przez: ${agentName}. Notatka: ${note}`,
    suspiciousContactAlert: (caseNumber, requesterName) =>
      `${requesterName} zgłasza, że ktoś próbował wyłudzić klucz odzyskiwania BitLocker (zgłoszenie ${caseNumber}). Potraktuj to jako możliwy atak socjotechniczny.`,
    probingAlert: (requesterName, misses) =>
      `Możliwe sondowanie: ${requesterName} wpisuje identyfikatory klucza, które nie pasują do żadnego z komputerów tej osoby (dzisiaj: ${misses}). Dziś nie będą już otwierane dla niej kolejne zgłoszenia. Jeśli się z Tobą skontaktuje, starannie zweryfikuj jej tożsamość.`,
    floodAlert: (requesterName, dropped) =>
      `${requesterName}: ponad ${dropped} wiadomości do bota w ciągu kilku minut; pozostały bez odpowiedzi. Może to być zawieszony klient albo próba zalania bota.`,
    keyFlowInterrupted: (caseNumber) =>
      `Wydawanie klucza dla zgłoszenia ${caseNumber} zostało przerwane, zanim ktokolwiek go zobaczył. Naciśnij przycisk ponownie.`,
    keyFlowMaybeShown: (caseNumber) =>
      `Wydawanie klucza dla zgłoszenia ${caseNumber} zostało przerwane podczas wysyłania karty: klucz mógł zostać pokazany i nie da się go ukryć. Jego wymiana zostanie sprawdzona jak zwykle.`,
    sendKeyFlow: {
      signInNotice:
        'Aby wysłać klucz, zaloguj się ponownie. Klucz trafi bezpośrednio na czat zgłaszającego; Ty go nie zobaczysz.',
      signInButton: 'Zaloguj się i wyślij klucz',
      sent: (name) => `${name} ma już klucz na swoim czacie. Klucz sam się ukryje po kilku minutach.`,
      severalKeys: (matches) =>
        `Na komputerach zgłaszającego ${matches} ${plural(matches, 'klucz zaczyna', 'klucze zaczynają', 'kluczy zaczyna')} się od tego ID klucza. Poproś o dłuższą część ID klucza i spróbuj ponownie.`,
      notReleased: (reason) =>
        `Nie wysłano klucza: ${helpdeskDenials[reason]} Zgłoszenie nie zostało zmienione.`,
      signInFailed:
        'Tego logowania nie można użyć do wysłania klucza. Naciśnij ponownie „Wyślij klucz zgłaszającemu”.',
    },
    showKeyFlow: {
      signInNotice:
        'Aby zobaczyć klucz, zaloguj się ponownie. Klucz trafi na Twój prywatny czat ze mną, gdzie widzisz go tylko Ty.',
      signInButton: 'Zaloguj się i pokaż klucz',
      shown: (name) =>
        `${name} widzi klucz na swoim prywatnym czacie ze mną. Po użyciu klucz zostanie wymieniony.`,
      privateChatFailed:
        'Nie mogę otworzyć z Tobą prywatnego czatu, więc klucz nie został odczytany. Otwórz czat ze mną w Teams, a potem ponownie naciśnij „Pokaż mi klucz”.',
      notDelivered:
        'Nie udało się umieścić klucza na Twoim prywatnym czacie, więc nikt go nie widział. Za minutę ponownie naciśnij „Pokaż mi klucz”.',
      notShown: (reason) =>
        `Klucz nie został pokazany: ${helpdeskDenials[reason]} Zgłoszenie nie zostało zmienione.`,
      signInFailed: 'Tego logowania nie można użyć do pokazania klucza. Ponownie naciśnij „Pokaż mi klucz”.',
    },
    denials: helpdeskDenials,
    caseTitle: (caseNumber) => `Zgłoszenie ${caseNumber}`,
    caseSummary: (caseNumber, requesterName, status) =>
      `Zgłoszenie ${caseNumber}, ${requesterName}: ${status}`,
    statuses: {
      open: 'Otwarte: czeka na agenta',
      claimed: 'Przejęte: zweryfikuj zgłaszającego',
      verified: 'Zweryfikowane: można wysłać klucz',
      released: 'Klucz wydany: rozwiąż, gdy zgłaszający odzyska dostęp',
      resolved: 'Rozwiązane',
      cancelled: 'Anulowane przez zgłaszającego',
      rejected: 'Odrzucone jako podejrzane',
      reopened: 'Otwarte ponownie: czeka na agenta',
    },
    reasons: {
      requesterAsked: 'Prośba o kontakt z osobą',
      riskStop:
        'Zatrzymane z powodu ryzyka: urządzenie było w obcych rękach, zmanipulowane, zgubione lub skradzione',
      onPremisesDevice: 'Komputer w domenie lokalnej: klucz jest w lokalnej usłudze AD',
      notUnderstood: 'Czat nie rozwiązał problemu',
      notReleasable:
        'Brak klucza do wydania dla tego ID klucza (brak dopasowania, cudze urządzenie lub brak zgody)',
      rateLimited: 'Przekroczony limit samoobsługowych wydań kluczy',
      directoryUnavailable: 'Microsoft Graph nie odpowiadał',
      signInMismatch: 'Logowanie na inne konto',
      keyDidNotWork: 'Klucz wydany, ale nie zadziałał',
      rotationOverdue: 'Wydany klucz nie został wymieniony w ciągu 24 godzin',
      notInSelfServiceGroup: 'Poza grupą samoobsługi',
      alreadyReleased: 'Klucz już pokazany w tym zgłoszeniu',
      repeatRecovery: 'Ponowna blokada w ciągu godziny od wydania klucza',
      deviceDisabled: 'Komputer wyłączony w Entra ID',
      notAllowedByTenant: 'Dzierżawa nie pozwala właścicielom odczytywać ich kluczy',
      suspiciousContact: 'Zgłoszono, że ktoś prosił o klucz odzyskiwania',
    },
    requesterLabel: 'Zgłaszający',
    reasonLabel: 'Powód przekazania',
    ownerLabel: 'Właściciel',
    nobodyYet: 'Jeszcze nikt',
    verificationLabel: 'Weryfikacja',
    notVerifiedYet: 'Jeszcze nie',
    verifiedBy: (method, agentName) => `${method} (${agentName})`,
    verificationMethods: {
      videoCallPhotoId: 'Rozmowa wideo z dokumentem ze zdjęciem',
      inPerson: 'Osobiście',
      managerConfirmation: 'Potwierdzenie przełożonego w Teams',
    },
    devicesTitle: 'Komputery zgłaszającego',
    noDevices: 'Nie znaleziono zarejestrowanych komputerów tej osoby.',
    trustTypes: {
      AzureAd: 'Dołączony do Entra',
      ServerAd: 'Dołączony hybrydowo lub do domeny',
      Workplace: 'Zarejestrowany (prywatny)',
      unknown: 'Nieznany typ dołączenia',
    },
    lastSignIn: (when) => `ostatnie logowanie: ${when}`,
    moreDevices: (count) => `i jeszcze ${count} ${plural(count, 'komputer', 'komputery', 'komputerów')}`,
    historyTitle: 'Historia',
    earlierHistory: (count) =>
      `${count} ${plural(count, 'wcześniejszy wpis', 'wcześniejsze wpisy', 'wcześniejszych wpisów')}`,
    events: {
      opened: () => 'Otwarto zgłoszenie',
      detailsAdded: () => 'Wyszukano komputery i szczegóły',
      posted: () => 'Opublikowano na tym kanale',
      reminded: () => 'Nadal nieprzejęte: wysłano przypomnienie na kanale',
      claimed: (by) => `Przejęte ${przez(by, 'agenta')}`,
      claimReleased: (by) => `Oddane do kolejki ${przez(by, 'właściciela')}`,
      verificationRecorded: (by) => `Zweryfikowane ${przez(by, 'agenta')}`,
      keySentToRequester: (by) => `Klucz wysłany na czat zgłaszającego ${przez(by, 'agenta')}`,
      keyShownToAgent: (by) =>
        by === undefined ? 'Klucz pokazany agentowi' : `Klucz pokazany osobie: ${by}`,
      resolved: (by) => `Rozwiązane ${przez(by, 'agenta')}`,
      rejectedAsSuspicious: (by) => `Odrzucone jako podejrzane ${przez(by, 'agenta')}`,
      reopened: (by) => (by === undefined ? 'Otwarte ponownie' : `Otwarte ponownie przez: ${by}`),
      cancelled: () => 'Anulowane przez zgłaszającego',
      noteAdded: (by) => (by === undefined ? 'Notatka od zgłaszającego' : `Notatka od: ${by}`),
    },
    textWithheld: '(ukryto: wyglądało na klucz odzyskiwania)',

    claim: 'Przejmij',
    releaseClaim: 'Oddaj do kolejki',
    recordVerificationTitle: 'Zapisz weryfikację',
    verificationMethodLabel: 'Jak zweryfikowano tożsamość?',
    verificationMethodRequired: 'Wybierz sposób weryfikacji.',
    verificationNoteLabel: 'Notatka (opcjonalnie)',
    verificationNotePlaceholder: 'np. karta pracownicza sprawdzona na wideo, zgodna ze zdjęciem z HR',
    saveVerification: 'Zapisz weryfikację',
    sendKey: 'Wyślij klucz zgłaszającemu',
    sendKeyHint:
      '„Wyślij klucz zgłaszającemu” poprosi o ponowne zalogowanie, a potem umieści klucz na czacie zgłaszającego. Ty go nie zobaczysz.',
    resolve: 'Rozwiąż',
    reopen: 'Otwórz ponownie',
    rejectOpen: 'Odrzuć jako podejrzane…',
    rejectWarning:
      'To zamknie zgłoszenie bez klucza, powiadomi zgłaszającego i zaalarmuje dział bezpieczeństwa. Na pewno?',
    rejectConfirm: 'Tak, odrzuć jako podejrzane',
    showKeyToMe: 'Pokaż mi klucz',
    closedHint: 'To zgłoszenie jest zamknięte. Wpisz „queue”, aby zobaczyć otwarte zgłoszenia.',

    advanced: {
      title: (caseNumber) => `Pokazać klucz dla zgłoszenia ${caseNumber}?`,
      lines: [
        'Tylko dla zgłaszających, którzy nie mogą korzystać z Teams. Logujesz się ponownie, a klucz trafia na Twój prywatny czat ze mną. Widzisz go tylko Ty, a operacja jest zapisywana w dzienniku inspekcji.',
        'Podyktuj go zweryfikowanemu zgłaszającemu, nigdy nie przekazuj e-mailem ani na czacie. Potem klucz zostanie wymieniony.',
      ],
      reasonLabel: 'Dlaczego musisz go zobaczyć?',
      reasonPlaceholder: 'np. zgłaszający nie ma telefonu, jest ze mną na rozmowie wideo',
      reasonRequired: 'Wpisz, dlaczego musisz zobaczyć klucz.',
      reveal: 'Pokaż klucz',
      back: 'Wróć do zgłoszenia',
    },
    revealed: {
      title: (caseNumber) => `Klucz odzyskiwania dla zgłoszenia ${caseNumber}`,
      onlyYou: (requesterName) =>
        `Widzisz go tylko Ty. Podyktuj go wyłącznie zgłaszającemu (${requesterName}), po jednym bloku, i nigdy go nie zapisuj.`,
      hidesIn: (minutes) => `Zniknie za ${minutesAccusative(minutes)} albo po naciśnięciu „Ukryj klucz”.`,
      hide: 'Ukryj klucz',
      hiddenTitle: (caseNumber) => `Klucz odzyskiwania dla zgłoszenia ${caseNumber}: ukryty`,
      hiddenBody:
        'Został pokazany raz, więc zostanie wymieniony na nowy. Rozwiąż zgłoszenie, gdy zgłaszający odzyska dostęp.',
      fallback: (caseNumber) =>
        `Klucz odzyskiwania dla zgłoszenia ${caseNumber}. Otwórz tę wiadomość w Microsoft Teams, aby go zobaczyć.`,
    },

    requester: {
      title: (caseNumber) => `Twoje zgłoszenie do IT nr ${caseNumber}`,
      caseNumberLabel: 'Numer zgłoszenia',
      updates: {
        opened: () => 'Zgłoszenie zostało przekazane do helpdesku IT.',
        claimed: (agent) => `${agent ?? 'Osoba z IT'} zajmuje się teraz Twoim zgłoszeniem.`,
        claimReleased: () => 'Zgłoszenie wróciło do kolejki helpdesku dla następnej wolnej osoby.',
        verified: () => 'Dział IT potwierdził Twoją tożsamość.',
        keySent: () => 'Dział IT wysłał klucz odzyskiwania na ten czat.',
        noteAdded: () => 'Notatka została dodana do zgłoszenia.',
        resolved: () => 'Dział IT zamknął zgłoszenie jako rozwiązane.',
        rejected: () => 'Dział IT nie mógł zrealizować tego zgłoszenia przez czat.',
        cancelled: () => 'To zgłoszenie zostało anulowane.',
      },
      next: {
        opened:
          'Osoba z IT skontaktuje się z Tobą w Teams, aby potwierdzić Twoją tożsamość. IT nigdy nie prosi o hasło ani o kod MFA.',
        claimed:
          'Ta osoba skontaktuje się z Tobą w Teams, aby potwierdzić Twoją tożsamość. IT nigdy nie prosi o hasło ani o kod MFA.',
        claimReleased: 'Nie musisz nic robić: odezwie się następna osoba, która je przejmie.',
        verified: 'Klucz wkrótce pojawi się na tym czacie.',
        keySent: 'Poszukaj na tym czacie karty z kluczem. Po kilku minutach zostanie znów ukryta.',
        noteAdded: 'Zobaczy ją osoba, która zajmuje się Twoim zgłoszeniem.',
        resolved: 'Nadal brak dostępu? Wpisz „kontakt z IT”, a otworzę nowe zgłoszenie.',
        rejected: 'Skontaktuj się z helpdeskiem IT osobiście lub telefonicznie.',
        cancelled: 'Napisz „cześć”, gdy zechcesz zacząć od nowa.',
      },
      addNote: 'Dodaj notatkę',
      noteLabel: 'Notatka dla IT',
      notePlaceholder: 'np. kiedy najlepiej do mnie dzwonić. Nigdy nie wpisuj klucza ani hasła.',
      noteRequired: 'Wpisz notatkę.',
      sendNote: 'Wyślij notatkę',
      cancelRequest: 'Anuluj zgłoszenie',
    },

    reminder: (caseNumber, requesterName, minutesWaiting) =>
      `Zgłoszenie ${caseNumber} (${requesterName}) czeka już ${minutesAccusative(minutesWaiting)} i nikt go jeszcze nie przejął.`,

    queueTitle: (count) => `Otwarte zgłoszenia (${count})`,
    queueEmpty: 'Brak otwartych zgłoszeń.',
    queueLine: (caseNumber, requesterName, status) =>
      `Zgłoszenie ${caseNumber} · ${requesterName} · ${status}`,
    waitingFor: (minutes) => `czeka ${minutes} min`,
    moreCases: (count) => `i jeszcze ${count} ${plural(count, 'zgłoszenie', 'zgłoszenia', 'zgłoszeń')}`,
    queueHint: 'Wpisz „case” i numer, aby zobaczyć zgłoszenie, np. „case 12”.',

    statsTitle: (day) => `Dzisiaj (${day})`,
    statsRequests: 'Zgłoszenia',
    statsSelfServed: 'Rozwiązane samodzielnie',
    statsEscalated: 'Przekazane do IT',
    statsMedianToKey: 'Mediana czasu do wydania klucza',
    minutes: (count) => `${count} min`,
    noneYet: 'Jeszcze brak',
    topReasonsTitle: 'Najczęstsze przyczyny blokady',
    noReasons: 'Dzisiaj nie zapisano jeszcze żadnych odpowiedzi.',
    rootCauses: {
      firmwareUpdate: 'Aktualizacja BIOS lub firmware',
      windowsUpdate: 'Aktualizacja Windows',
      hardwareChange: 'Naprawa lub nowy sprzęt',
      dockOrPeripheral: 'Stacja dokująca, monitor lub urządzenie USB',
      wrongPin: 'Błędny PIN zbyt wiele razy',
      nothingUnusual: 'Nic nietypowego',
      outOfMyHands: 'W obcych rękach, zgubiony lub skradziony',
    },

    auditTitle: (subject) => `Najnowsze zdarzenia inspekcji: ${subject}`,
    auditEmpty: (subject) => `Brak zdarzeń inspekcji dla: ${subject}.`,
    auditDecisions: {
      released: 'Klucz wydany',
      denied: 'Odmowa',
      escalated: 'Przekazane do IT',
      signInMismatch: 'Logowanie na inne konto',
      signInFailed: 'Nieudane logowanie',
      rateLimited: 'Przekroczony limit',
      keyCardHidden: 'Karta z kluczem ukryta',
      rotationRequested: 'Zlecono wymianę klucza',
      rotationConfirmed: 'Wymiana klucza potwierdzona',
      rotationOverdue: 'Zaległa wymiana klucza',
      caseChanged: 'Zmiana zgłoszenia',
    },
    auditBy: (actor) => `przez: ${actor}`,
    moreAudit: (count) =>
      `Pominięto ${count} ${plural(count, 'starsze zdarzenie', 'starsze zdarzenia', 'starszych zdarzeń')}.`,

    commandsUsage:
      'Polecenia helpdesku: "queue" (otwarte zgłoszenia, najstarsze najpierw), "case 12", "stats" (dziś) oraz "audit" z UPN lub identyfikatorem obiektu osoby, deviceId urządzenia w Entra albo identyfikatorem klucza (co najmniej pierwsze 8 znaków).',
    refusals: {
      notHelpdeskMember: 'Przepraszam, to tylko dla zespołu helpdesku IT. Nic nie zostało zmienione.',
      notRequester: 'Może to zrobić tylko osoba, która poprosiła o pomoc.',
      ownCase: 'To Twoje własne zgłoszenie, więc musi je przejąć inny agent.',
      caseClosed: (status) => `To zgłoszenie jest już zamknięte (${status}).`,
      claimedByOther: (ownerName) =>
        `${ownerName} prowadzi to zgłoszenie. Zapytaj tę osobę albo przejmij zgłoszenie, gdy wróci do kolejki.`,
      alreadyOwner: 'To zgłoszenie już należy do Ciebie.',
      notClaimed: 'Najpierw przejmij zgłoszenie.',
      verificationRequired: 'Najpierw zapisz, jak zweryfikowano zgłaszającego. Potem możesz wysłać klucz.',
      advancedRoleRequired:
        '„Pokaż mi klucz” jest dostępne tylko dla agentów z zaawansowaną rolą helpdesku. Nic nie zostało pokazane.',
      alreadyReleased: 'Klucz w tym zgłoszeniu został już wysłany.',
      notClosed: 'Ponownie otworzyć można tylko zgłoszenie rozwiązane lub odrzucone.',
      unknownMethod: 'Wybierz sposób weryfikacji.',
      textRequired: { note: 'Najpierw wpisz notatkę.', reason: 'Wpisz, dlaczego musisz zobaczyć klucz.' },
      textTooLong: (field, max) =>
        `${field === 'note' ? 'Ta notatka jest za długa' : 'To uzasadnienie jest za długie'}. Może mieć najwyżej ${max} ${plural(max, 'znak', 'znaki', 'znaków')}.`,
      recoveryPasswordInText:
        'To wyglądało na klucz odzyskiwania, więc nie zostało zapisane. Nigdy nie wpisuj klucza w Teams.',
      changed: 'W międzyczasie to zgłoszenie się zmieniło. Oto jego aktualny stan: spróbuj ponownie.',
      outOfDate:
        'Ta karta jest nieaktualna, więc nic nie zostało zmienione. Użyj najnowszej wiadomości o swoim zgłoszeniu.',
      caseNotFound: (caseNumber) => `Nie ma zgłoszenia o numerze ${caseNumber}.`,
      unreadableAction: 'Ten przycisk wysłał coś, czego nie mogę odczytać. Odśwież kartę i spróbuj ponownie.',
      membershipUnknown:
        'Nie udało mi się sprawdzić Twojej przynależności do helpdesku: katalog nie odpowiada. Nic nie zostało zmienione. Spróbuj ponownie za minutę.',
      keyReleaseOff:
        'Wydawanie kluczy nie jest skonfigurowane w tym bocie, więc helpdesk nie może wysyłać ani pokazywać kluczy. Rozwiąż zgłoszenie, gdy zgłaszający odzyska dostęp.',
    },
  },
};
