import { describe, expect, it } from 'vitest';
import { parseLinkTitle } from './link-title.ts';

// Titles as LexHub writes them in anchors and legi-data in `lienModifications[].textTitle`.
describe('parseLinkTitle', () => {
  it('reads a code article entry with its status', () => {
    expect(parseLinkTitle('Code de la sécurité sociale. - art. L160-1 (V)')).toEqual({
      text: 'Code de la sécurité sociale',
      articleNum: 'L160-1',
      status: 'V',
    });
    expect(parseLinkTitle("Code de l'action sociale et des familles - art. L262-46 (VD)")).toEqual({
      text: "Code de l'action sociale et des familles",
      articleNum: 'L262-46',
      status: 'VD',
    });
    expect(parseLinkTitle('Code général des impôts, CGI. - art. 199 septies (V)')).toEqual({
      text: 'Code général des impôts, CGI',
      articleNum: '199 septies',
      status: 'V',
    });
  });

  it('reads law entries, with or without an article, with trailing publication details', () => {
    expect(parseLinkTitle('LOI n°2020-992 du 7 août 2020 - art. 5 (V)')).toEqual({
      text: 'LOI n°2020-992 du 7 août 2020',
      articleNum: '5',
      status: 'V',
    });
    expect(parseLinkTitle('Loi n°2005-881 du 2 août 2005 - art. 22 () JORF 3 août 2005')).toEqual({
      text: 'Loi n°2005-881 du 2 août 2005',
      articleNum: '22',
      status: '',
    });
    expect(parseLinkTitle('Décret n°2012-1246  du 7 novembre 2012 (V)')).toEqual({
      text: 'Décret n°2012-1246 du 7 novembre 2012',
      status: 'V',
    });
    expect(parseLinkTitle('Ordonnance n°2017-644 du 27 avril 2017 - art., v. init.')).toEqual({
      text: 'Ordonnance n°2017-644 du 27 avril 2017',
      status: '',
    });
    expect(parseLinkTitle('Décret n° 85-1353 du 17 décembre 1985')).toEqual({ text: 'Décret n° 85-1353 du 17 décembre 1985', status: '' });
  });
});
