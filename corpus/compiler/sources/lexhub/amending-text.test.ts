import { describe, expect, it } from 'vitest';
import { AmendingTextCatalog, cleanPiece, piecesOfMessage } from './amending-text.ts';

// Commit messages of the sécurité sociale and mutualité LexHub bundles, as written.
describe('amending texts of LexHub commit messages', () => {
  it('cuts each piece after its date and drops the pieces that name no text', () => {
    expect(
      piecesOfMessage('Modifications par LOI n°2017-1836 du 30 décembre 2017  15 (V) & LOI n°2018-166 du 8 mars 2018  11 (V)'),
    ).toEqual([
      { name: 'LOI n°2017-1836 du 30 décembre 2017', number: '2017-1836', date: '2017-12-30' },
      { name: 'LOI n°2018-166 du 8 mars 2018', number: '2018-166', date: '2018-03-08' },
    ]);
    expect(
      piecesOfMessage('Modifications par 85-1353 & LOI n°2017-1836 du 30 décembre 2017  15 ( & décembre 2005').map((p) => p.name),
    ).toEqual(['85-1353', 'LOI n°2017-1836 du 30 décembre 2017']);
    expect(cleanPiece('Décret 85-630 1985-06-19 11 JORF 23 juin 1985')).toEqual({
      name: 'Décret 85-630 1985-06-19',
      number: '85-630',
      date: '1985-06-19',
    });
    expect(cleanPiece('Décret n°2003-1393 du 31 décembre 2003  3 () JORF 1er janvier 2004')?.name).toBe(
      'Décret n°2003-1393 du 31 décembre 2003',
    );
    expect(cleanPiece('JORF 19 janvier 1994')).toBeUndefined();
    expect(cleanPiece('du 9 mars 2010')).toBeUndefined();
    expect(cleanPiece('Ordonnance')).toBeUndefined();
    expect(cleanPiece("Modifié par un texte d'une portée générale")).toEqual({ name: "Modifié par un texte d'une portée générale" });
  });

  it('names the most recent text dated on or before the commit, never a later one', () => {
    const catalog = new AmendingTextCatalog();
    const messages = [
      'Modifications par Décret 85-1353 1985-12-17',
      'Modifications par Décret 85-1353 1985-12-17 & Loi n°95-116 du 4 février 1995',
      'Modifications par Décret 86-384 1986-03-13 JORF 14 mars 1986 & Décret n°2001-1106 du 23 novembre 2001  2 () JORF 25 novembre 2001',
    ];
    for (const message of messages) catalog.learn(piecesOfMessage(message));
    expect(catalog.amendedBy(piecesOfMessage(messages[0]!), '1985-12-21')).toBe('Décret 85-1353 1985-12-17');
    expect(catalog.amendedBy(piecesOfMessage(messages[1]!), '1995-02-05')).toBe('Loi n°95-116 du 4 février 1995');
    // Mutualité, 1986-03-14: the 2001 decree is the one that later replaced the version.
    expect(catalog.amendedBy(piecesOfMessage(messages[2]!), '1986-03-14')).toBe('Décret 86-384 1986-03-13');
  });

  it('completes a bare number with the name the repository gives it, and says nothing rather than name the codification decree years later', () => {
    const catalog = new AmendingTextCatalog();
    for (let i = 0; i < 30; i++) catalog.learn(piecesOfMessage('Modifications par Décret 85-1353 1985-12-17'));
    catalog.learn(piecesOfMessage('Modifications par LOI n°2018-166 du 8 mars 2018  11 (V)'));
    expect(catalog.amendedBy(piecesOfMessage('Modifications par 2018-166 du 8 mars 2018  11 (V)'), '2018-09-01')).toBe(
      'LOI n°2018-166 du 8 mars 2018',
    );
    expect(catalog.amendedBy(piecesOfMessage('Modifications par 85-1353'), '1985-12-21')).toBe('Décret 85-1353 1985-12-17');
    // L611-3 on 2005-12-09: « 85-1353 & LOI n°2017-1836 … & décembre 2005 » names no text that can have brought it.
    expect(
      catalog.amendedBy(
        piecesOfMessage('Modifications par 85-1353 & LOI n°2017-1836 du 30 décembre 2017  15 ( & décembre 2005'),
        '2005-12-09',
      ),
    ).toBeUndefined();
    expect(catalog.amendedBy(piecesOfMessage("Modifié par un texte d'une portée générale"), '2008-01-01')).toBe(
      "Modifié par un texte d'une portée générale",
    );
  });
});
