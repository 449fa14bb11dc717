package dev.whodecides.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * A Lucene index of an archive's passages: BM25 ranking over English-analysed text (stemmed, stop
 * words dropped), with the chapter and episode title as weaker fields. Persisted under a cache
 * folder named by the archive's content key, so it is built once per archive version, with an
 * {@link ArchiveSummary} beside it.
 */
public final class EvidenceIndex implements Closeable {

  /** Bump when the fields or the analysis change, so old caches are not reused. */
  static final String FORMAT = "passages-v3";

  private static final Map<String, Float> BOOSTS = Map.of("text", 1.0f, "chapter", 0.4f, "title", 0.2f);

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Analyzer analyzer = new EnglishAnalyzer();
  private final boolean built;
  private ArchiveSummary summary;

  private EvidenceIndex(Directory directory, boolean built) throws IOException {
    this.directory = directory;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
    this.searcher.setSimilarity(similarity());
    this.built = built;
  }

  /** Where an archive's index lives under a cache root. */
  public static Path location(Path cacheRoot, Path archive) {
    return cacheRoot.resolve("evidence").resolve(FORMAT + "-" + Archive.contentKey(archive));
  }

  /**
   * Opens the cached index of an archive, building it first when the archive changed, when none
   * exists, or when {@code rebuild} is set. {@code archiveLoader} is only called to build.
   */
  public static EvidenceIndex open(Path cacheRoot, Path archiveRoot, boolean rebuild,
      Supplier<Archive> archiveLoader) throws IOException {
    Path dir = location(cacheRoot, archiveRoot);
    Path done = dir.resolve("complete");
    if (rebuild || !Files.exists(done)) {
      Path tmp = Files.createDirectories(dir.getParent()).resolve(dir.getFileName() + ".tmp-" + ProcessHandle.current().pid());
      deleteTree(tmp);
      Archive archive = archiveLoader.get();
      build(archive, tmp);
      MAPPER.writeValue(tmp.resolve(SUMMARY).toFile(), ArchiveSummary.of(archive));
      Files.writeString(tmp.resolve("complete"), "ok\n");
      install(tmp, dir, rebuild);
      return new EvidenceIndex(FSDirectory.open(dir), true);
    }
    return new EvidenceIndex(FSDirectory.open(dir), false);
  }

  /**
   * Puts the index built in {@code tmp} in place at {@code dir}. Two processes may build the same
   * archive's index at once (two CI jobs sharing a cache): the folder is named by the archive's
   * content, so whichever lands first is the same index, and the other one's copy is dropped. An
   * index that is replaced ({@code rebuild}, or a folder left incomplete) is first renamed aside,
   * so {@code dir} is never a half-deleted folder that another process is opening.
   */
  private static void install(Path tmp, Path dir, boolean rebuild) throws IOException {
    if (!rebuild && Files.exists(dir.resolve("complete"))) {
      deleteTree(tmp);
      return;
    }
    Path aside = null;
    if (Files.exists(dir)) {
      aside = dir.resolveSibling(dir.getFileName() + ".old-" + ProcessHandle.current().pid());
      deleteTree(aside);
      try {
        Files.move(dir, aside, StandardCopyOption.ATOMIC_MOVE);
      } catch (NoSuchFileException e) {
        aside = null;
      }
    }
    try {
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      deleteTree(tmp); // another process put the same index in place meanwhile
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, dir);
    }
    if (aside != null) {
      try {
        deleteTree(aside);
      } catch (IOException e) {
        // an old copy left behind costs disk space only; the next rebuild removes it
      }
    }
  }

  /** Writes the passages of every episode of an archive into a new index folder. */
  public static void build(Archive archive, Path dir) throws IOException {
    Files.createDirectories(dir);
    IndexWriterConfig config = new IndexWriterConfig(new EnglishAnalyzer());
    config.setSimilarity(similarity());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(64);
    try (FSDirectory d = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(d, config)) {
      // Analysis is the costly part of indexing and IndexWriter takes documents from several
      // threads at once, each into its own segment: index episodes side by side.
      archive.episodes().values().parallelStream().forEach(e -> {
        try {
          writer.addDocuments(Passage.of(e).stream().map(EvidenceIndex::document).toList());
        } catch (IOException ex) {
          throw new UncheckedIOException(ex);
        }
      });
    }
  }

  private static Document document(Passage p) {
    Document d = new Document();
    d.add(new StringField("slug", p.slug(), Field.Store.YES));
    d.add(new TextField("text", p.text(), Field.Store.YES));
    d.add(new TextField("chapter", p.chapter() == null ? "" : p.chapter(), Field.Store.YES));
    d.add(new TextField("title", p.title() == null ? "" : p.title(), Field.Store.YES));
    if (p.shortTitle() != null) {
      d.add(new StoredField("short", p.shortTitle()));
    }
    d.add(new StoredField("guests", String.join("\n", p.guests())));
    d.add(new StoredField("speakers", String.join("\n", p.speakers())));
    d.add(new IntPoint("fromPoint", p.from()));
    d.add(new StoredField("from", p.from()));
    d.add(new StoredField("to", p.to()));
    if (p.url() != null) {
      d.add(new StoredField("url", p.url()));
    }
    return d;
  }

  private static final String SUMMARY = "archive.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The archive as it was when the index was built: coverage, files skipped, repairs, episodes. */
  public ArchiveSummary summary() {
    if (summary == null) {
      try {
        summary = MAPPER.readValue(((FSDirectory) directory).getDirectory().resolve(SUMMARY).toFile(),
            ArchiveSummary.class);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return summary;
  }

  /** True when this call built the index rather than reusing the cache. */
  public boolean built() {
    return built;
  }

  public int passages() {
    return reader.numDocs();
  }

  /** The best passages for free text, best first; {@code slug} limits the search to one episode. */
  public List<Hit> search(String text, int limit, String slug) {
    Query query = parse(text);
    if (query == null) {
      return List.of();
    }
    if (slug != null) {
      query = new BooleanQuery.Builder()
          .add(query, BooleanClause.Occur.MUST)
          .add(new TermQuery(new Term("slug", slug)), BooleanClause.Occur.FILTER)
          .build();
    }
    try {
      ScoreDoc[] docs = searcher.search(query, Math.max(1, limit)).scoreDocs;
      List<Hit> hits = new ArrayList<>(docs.length);
      for (ScoreDoc sd : docs) {
        hits.add(new Hit(passage(searcher.storedFields().document(sd.doc)), sd.score));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The analysed terms of a text, as the index sees them (stemmed, stop words dropped). */
  public List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    try (var ts = analyzer.tokenStream("text", text)) {
      var term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** How many passages hold a term; rarer terms say more about what a passage is about. */
  public int documentFrequency(String term) {
    try {
      return reader.docFreq(new Term("text", term));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * BM25 with a milder length penalty than the default (b = 0.5 rather than 0.75): some speakers
   * hold the floor for minutes, and their passages should not lose to short chatter for that.
   */
  static Similarity similarity() {
    return new BM25Similarity(1.2f, 0.5f);
  }

  /**
   * The words of the question in any field, plus each pair of neighbouring words as a phrase
   * (a word apart at most), so "good enough" and "go live" count for more than the words alone.
   */
  private Query parse(String text) {
    String cleaned = QueryParser.escape(text.strip());
    List<String> words = terms(text);
    if (cleaned.isBlank() || words.isEmpty()) {
      return null;
    }
    MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] {"text", "chapter", "title"}, analyzer, BOOSTS);
    parser.setDefaultOperator(QueryParser.Operator.OR);
    Query base;
    try {
      base = parser.parse(cleaned);
    } catch (ParseException e) {
      return null;
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder().add(base, BooleanClause.Occur.SHOULD);
    for (int i = 0; i + 1 < words.size() && i < 32; i++) {
      PhraseQuery pair = new PhraseQuery(1, "text", words.get(i),
          words.get(i + 1));
      q.add(new BoostQuery(pair, PHRASE_BOOST), BooleanClause.Occur.SHOULD);
    }
    return q.build();
  }

  static final float PHRASE_BOOST = 0.5f;

  private static Passage passage(Document d) {
    String guests = d.get("guests");
    String speakers = d.get("speakers");
    String chapter = d.get("chapter");
    return new Passage(d.get("slug"), d.get("title"), d.get("short"),
        guests == null || guests.isEmpty() ? List.of() : Arrays.asList(guests.split("\n")),
        speakers == null || speakers.isEmpty() ? List.of() : Arrays.asList(speakers.split("\n")),
        chapter == null || chapter.isEmpty() ? null : chapter,
        d.getField("from").numericValue().intValue(), d.getField("to").numericValue().intValue(),
        d.get("text"), d.get("url"));
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
