/** Material for generated conversations: an Italian-first shop with some English buyers. */
export const FIRST_NAMES = [
  'Giulia', 'Marco', 'Sofia', 'Luca', 'Chiara', 'Matteo', 'Francesca', 'Alessandro', 'Sara', 'Davide',
  'Elena', 'Paolo', 'Martina', 'Giorgio', 'Anna', 'James', 'Emma', 'Oliver', 'Laura', 'Stefano',
];

export const LAST_NAMES = [
  'Rossi', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti',
  'De Luca', 'Costa', 'Fontana', 'Esposito', 'Moretti', 'Bond', 'Smith', 'Barbieri', 'Lombardi', 'Ferrari',
];

export const BUYER_TEXTS = [
  'Ciao, il mio ordine è già stato spedito?',
  'Buongiorno, avete ancora la taglia M disponibile?',
  'Hello, when will my order ship?',
  'Il pacco è arrivato danneggiato, come posso fare il reso?',
  'Posso cambiare l’indirizzo di consegna?',
  'Is this model compatible with the 2023 version?',
  'Grazie mille, tutto perfetto!',
  '👍',
  'ciao',
  'Quando tornerà disponibile il colore blu?',
  'I would like to return one item, what should I do?',
  'Avete un codice sconto per il secondo acquisto?',
  'The tracking link does not work, can you check?',
  'Accettate il pagamento in contrassegno?',
  'Mi manca un articolo nel pacco.',
];

export const SELLER_TEXTS = [
  'Buongiorno! Sì, è partito stamattina con corriere espresso.',
  'Certo, la taglia M è disponibile: la trova nella pagina del prodotto.',
  'Hi! It ships tomorrow; you will get the tracking number by email.',
  'Ci dispiace molto! Le inviamo subito le istruzioni per il reso.',
  'Nessun problema, abbiamo aggiornato l’indirizzo.',
  'Yes, it fits the 2023 version too.',
  'Grazie a lei, buona giornata!',
  'Il blu torna disponibile la prossima settimana.',
  'Sure: open the order page and choose “Return”, the label is free.',
  'Ecco un codice del 10%: GRAZIE10',
  'Here is the updated tracking link.',
  'Sì, il contrassegno è disponibile con un piccolo supplemento.',
  'Controlliamo subito e le facciamo sapere.',
];
