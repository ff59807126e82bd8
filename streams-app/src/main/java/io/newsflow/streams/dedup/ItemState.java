package io.newsflow.streams.dedup;

import java.util.Map;
import java.util.TreeMap;

/**
 * What an item's resolver keeps: the item's versions by handle, the other items its versions match (one
 * combined {@link Match} each), and what has been published and counted for it, so that a change of verdict
 * sends exactly the corrections. Mutable; stored as JSON.
 */
public final class ItemState {

  public String item;
  public TreeMap<String, VersionState> versions = new TreeMap<>();
  public TreeMap<String, Match> matches = new TreeMap<>();
  /** The latest event time of any of its versions: the item expires a retention after it. */
  public long lastEventTime = Long.MIN_VALUE;
  /** current version handle, revision and id of what was last published; null when nothing is. */
  public String published;
  /** The key under which the trend stage counts the item; null when it is not counted. */
  public String countedKey;

  public ItemState() {
  }

  public ItemState(String item) {
    this.item = item;
  }

  /** Adds a match, combining it with what is known of the same other item. */
  public void addMatch(Match match, int cap) {
    matches.merge(match.item(), match, Match::merge);
    if (matches.size() > cap) {
      // Only the earliest matches can decide the verdict; drop the latest.
      String latest = null;
      for (Map.Entry<String, Match> e : matches.entrySet()) {
        if (latest == null || matches.get(latest).isBefore(e.getValue().eventTime(), e.getKey())) {
          latest = e.getKey();
        }
      }
      matches.remove(latest);
    }
  }

  /** Whether every version and every report on it has arrived, so a verdict can be sent. */
  public boolean settled() {
    return !versions.isEmpty() && versions.values().stream().allMatch(VersionState::complete);
  }
}
